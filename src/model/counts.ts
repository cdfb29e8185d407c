/** A suite's (or the run's) verdict counts. */
export interface SuiteCounts {
  tests: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  /** Cases whose control could not be put to the test (docs/expectations.md, "Not proven"). */
  notProven: number;
}
