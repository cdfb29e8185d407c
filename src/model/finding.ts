import type { FindingCode } from './codes.ts';

/** One thing a check saw wrong with one case. Data, not an exception. */
export interface Finding {
  checkId: string;
  code: FindingCode;
  message: string;
  caseId: string;
}
