import { defineCheck, underErrorContract } from './check.ts';
import { parsedBody } from './mediaType.ts';

/** RFC 9457 §3.1.2: the body's `status` is the HTTP status, so a proxy or log reading either agrees. */
export const problemStatusCheck = defineCheck({
  id: 'problem-status',
  title: 'The body status equals the HTTP status',
  run(context) {
    const member = context.contract.statusMember;
    const response = context.responses[0]!;
    if (member === null || !underErrorContract(context, response)) return [];
    const parsed = parsedBody(response);
    if (!parsed.ok || parsed.value === null || typeof parsed.value !== 'object') return [];
    const value = (parsed.value as Record<string, unknown>)[member];
    if (value === undefined || value === response.status) return [];
    return [{ code: 'PROBLEM_STATUS_MISMATCH', message: `the body says ${member} ${JSON.stringify(value)}, the HTTP status is ${response.status}` }];
  },
});
