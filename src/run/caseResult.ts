import type { Finding } from '../model/finding.ts';
import type { Case } from '../plan/case.ts';
import type { Exchange, TransportFailure } from '../model/exchange.ts';
import type { VerdictStatus } from '../model/verdict.ts';
import type { PropertyRecord } from './runProperty.ts';

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
