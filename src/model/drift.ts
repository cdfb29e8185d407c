/** The observed facts a baseline pins per case; a change in any of them is drift. */
export type BaselineField = 'verdict' | 'status' | 'errorType' | 'challengeError' | 'failedChecks';

export interface DriftChange {
  field: BaselineField;
  approved: string;
  observed: string;
}

/**
 * One difference from the approved baseline, shaped like a finding so reports list it next to
 * findings: changed (same case, other behaviour), added (a case the baseline does not know),
 * removed (an approved case the complete run no longer has).
 */
export interface DriftItem {
  kind: 'changed' | 'added' | 'removed';
  caseId: string;
  title: string;
  suite: string;
  endpointId: string;
  changes: DriftChange[];
  /** One line, e.g. "status 403 → 201; verdict passed → failed". */
  message: string;
}
