import { pointerSegments } from '../manifest/locate.ts';
import { defineCheck } from './check.ts';
import { parsedBody } from './mediaType.ts';

/** Removes the members the contract declares volatile: names at the top level, or JSON pointers. */
function withoutVolatile(value: unknown, volatile: readonly string[]): unknown {
  const copy = structuredClone(value);
  for (const entry of volatile) {
    const segments = entry.startsWith('/') ? pointerSegments(entry) : [entry];
    let node: unknown = copy;
    for (const segment of segments.slice(0, -1)) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    if (node && typeof node === 'object') delete (node as Record<string, unknown>)[segments.at(-1)!];
  }
  return copy;
}

/** Canonical JSON with sorted keys, so member order is not mistaken for a difference. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The same refused request, sent twice, gets the same status, challenge and body (volatile members aside). */
export const deterministicCheck = defineCheck({
  id: 'deterministic',
  title: 'The same request gets the same answer',
  run({ responses, contract }) {
    if (responses.length < 2) return [];
    const [a, b] = responses as [typeof responses[0] & object, typeof responses[0] & object];
    // The contract is about refusals; a served answer to a refusal case is the status check's finding,
    // and a served body may rightly change between two sends (other cases write concurrently).
    if (a.status < 400 && b.status < 400) return [];
    if (a.status !== b.status) return [{ code: 'NONDETERMINISTIC_STATUS', message: `first ${a.status}, then ${b.status}` }];
    const findings: { code: 'NONDETERMINISTIC_BODY'; message: string }[] = [];
    if ((a.headers['www-authenticate'] ?? '') !== (b.headers['www-authenticate'] ?? '')) {
      findings.push({ code: 'NONDETERMINISTIC_BODY', message: 'the WWW-Authenticate challenge differs between two identical requests' });
    }
    const pa = parsedBody(a);
    const pb = parsedBody(b);
    const same = pa.ok && pb.ok
      ? canonical(withoutVolatile(pa.value, contract.volatile)) === canonical(withoutVolatile(pb.value, contract.volatile))
      : a.body === b.body;
    if (!same) {
      findings.push({ code: 'NONDETERMINISTIC_BODY', message: `the ${a.status} body differs between two identical requests beyond the volatile members [${contract.volatile.join(', ')}]` });
    }
    return findings;
  },
});
