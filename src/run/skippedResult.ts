import type { Case } from '../plan/case.ts';
import type { CaseResult } from './caseResult.ts';

/** The result of a case that was deliberately not sent. */
export function skippedResult(c: Case, reason: string): CaseResult {
  return { case: c, status: 'skipped', findings: [], exchanges: [], durationMs: 0, skipReason: reason };
}
