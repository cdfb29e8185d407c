import { checkExposure } from './listeners.ts';
import type { Case } from '../plan/case.ts';
import type { CaseResult } from './caseResult.ts';
import { skippedResult } from './skippedResult.ts';

/** The exposure suite's verdict: a listener bound beyond loopback is a finding; no socket table is a skip. */
export function exposureResult(c: Case, baseUrl: URL): CaseResult {
  const started = performance.now();
  const result = checkExposure(baseUrl.href);
  if (result.verdict === 'skip') return skippedResult(c, result.reason);
  const listeners = result.listeners.map((l) => `${l.address}:${l.port} (${l.kind})`).join(', ');
  return {
    case: c,
    status: result.verdict === 'pass' ? 'passed' : 'failed',
    findings: result.verdict === 'pass' ? [] : [{ checkId: 'exposure', code: 'LISTENER_EXPOSED', message: result.reason, caseId: c.id }],
    exchanges: [],
    durationMs: performance.now() - started,
    note: `listening on ${listeners || 'nothing'}`,
    at: new Date().toISOString(),
  };
}
