import type { Finding } from '../checks/check.ts';
import type { Case } from '../plan/case.ts';
import type { Exchange, TransportFailure } from '../model/exchange.ts';
import type { PropertyRecord } from './runProperty.ts';

/**
 * passed: every check held; failed: a finding about the API; error: no answer to judge (infrastructure);
 * skipped: deliberately not sent (excluded by an option such as --safe-methods-only, or the run was interrupted);
 * not-proven: the run cannot obtain what the case needs (a revoked token from a provider that cannot revoke),
 * so the control it tests is neither held nor broken — said so, never silently left out.
 */
export type VerdictStatus = 'passed' | 'failed' | 'error' | 'skipped' | 'not-proven';

/** A judged case, already redacted: safe to hand to any reporter. */
export interface CaseResult {
  case: Case;
  status: VerdictStatus;
  findings: Finding[];
  exchanges: Exchange[];
  failure?: TransportFailure;
  durationMs: number;
  /** For property cases: runs, shrinks, and the replayable counterexample. */
  property?: PropertyRecord;
  /** Why a skipped or not-proven case was not sent. */
  skipReason?: string;
  /** For steps that send no request (the rotation drill's token steps): what was done, and when. */
  note?: string;
  at?: string;
}
