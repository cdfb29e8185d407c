/** What every suite planner receives besides the manifest and endpoint. */
export interface PlannerOptions {
  seed: number;
  /** Generated requests per property case. */
  runs: number;
}

/** Runs per property case when none is given: enough to hit boundary bugs, small enough for a quick gate. */
export const DEFAULT_RUNS = 50;
