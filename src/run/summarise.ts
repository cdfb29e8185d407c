import type { SuiteId } from '../plan/case.ts';
import type { RotationRecord } from './rotationRecord.ts';
import type { ScopeMatrix } from './scopeMatrix.ts';

export interface SuiteCounts {
  tests: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
}

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
}
