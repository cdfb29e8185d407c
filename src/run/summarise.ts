import { SUITES, type SuiteId } from '../plan/case.ts';
import type { SuiteCounts } from '../model/counts.ts';
import type { VerdictStatus } from '../model/verdict.ts';
import type { RotationRecord } from './rotationRecord.ts';
import type { ScopeMatrix } from './scopeMatrix.ts';

/**
 * A finished run, without its results: those went to the reporters one by one as they landed
 * (docs/benchmarks.md, "Memory"), so a run's memory does not grow with its case count.
 */
export interface RunSummary {
  seed: number;
  service: string;
  baseUrl: string;
  manifestFile: string;
  startedAt: Date;
  finishedAt: Date;
  suites: Record<SuiteId, SuiteCounts>;
  totals: SuiteCounts;
  /** Cases that could not be sent because the target refused the connection (it went down). */
  refused: number;
  /** Cases not run because the run was interrupted. */
  interrupted: number;
  /** Least privilege, endpoint × catalogued scope, expected vs observed. */
  scopeMatrix: ScopeMatrix;
  /** Present when the rotation drill ran. */
  rotation?: RotationRecord;
  /** Manifest warnings (e.g. a catalogued scope no endpoint uses), shown in summaries. */
  warnings: string[];
  /** SHA-256 of the manifest file, for evidence. */
  manifestSha256: string;
  /** Flags a replay must repeat to plan the same cases (--overlay, --env, --runs, --changed-since). */
  replayFlags?: string[];
  /** What the replay line starts with instead of `npx harden run MANIFEST --base-url URL` (`npm start --`). */
  replayPrefix?: string;
}

/** Counts per suite and in total, all zero. */
export function emptyCounts(): { suites: Record<SuiteId, SuiteCounts>; totals: SuiteCounts } {
  const empty = (): SuiteCounts => ({ tests: 0, passed: 0, failed: 0, errors: 0, skipped: 0, notProven: 0 });
  return { suites: Object.fromEntries(SUITES.map((s) => [s, empty()])) as Record<SuiteId, SuiteCounts>, totals: empty() };
}

const FIELD = { passed: 'passed', failed: 'failed', error: 'errors', skipped: 'skipped', 'not-proven': 'notProven' } as const;

/** Counts one verdict in its suite and in the total: the one rule for a run, a merge and the reports. */
export function countVerdict(counts: ReturnType<typeof emptyCounts>, suite: SuiteId, verdict: VerdictStatus): void {
  for (const c of [counts.suites[suite], counts.totals]) {
    c.tests += 1;
    c[FIELD[verdict]] += 1;
  }
}
