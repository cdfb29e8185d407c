import type { Case } from '../plan/case.ts';
import type { CaseResult } from './caseResult.ts';

/** The result of a case that was deliberately not sent. */
export function skippedResult(c: Case, reason: string): CaseResult {
  return { case: c, status: 'skipped', findings: [], exchanges: [], durationMs: 0, skipReason: reason };
}

/** The result of a case the run could not put to the test: neither held nor broken. */
export function notProvenResult(c: Case, reason: string): CaseResult {
  return { case: c, status: 'not-proven', findings: [], exchanges: [], durationMs: 0, skipReason: reason };
}
