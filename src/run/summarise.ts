import { SUITES, type SuiteId } from '../plan/case.ts';
import type { CaseResult } from './caseResult.ts';
import type { RotationRecord } from './rotationRecord.ts';
import type { ScopeMatrix } from './scopeMatrix.ts';

export interface SuiteCounts {
  tests: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
}

export interface RunSummary {
  seed: number;
  service: string;
  baseUrl: string;
  manifestFile: string;
  startedAt: Date;
  finishedAt: Date;
  /** In plan order, whatever order they were sent in. */
  results: CaseResult[];
  suites: Record<SuiteId, SuiteCounts>;
  totals: SuiteCounts;
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

const empty = (): SuiteCounts => ({ tests: 0, passed: 0, failed: 0, errors: 0, skipped: 0 });

/** Counts per suite and in total. */
export function countResults(results: readonly CaseResult[]): Pick<RunSummary, 'suites' | 'totals'> {
  const suites = Object.fromEntries(SUITES.map((s) => [s, empty()])) as Record<SuiteId, SuiteCounts>;
  const totals = empty();
  for (const r of results) {
    for (const counts of [suites[r.case.suite], totals]) {
      counts.tests += 1;
      if (r.status === 'passed') counts.passed += 1;
      else if (r.status === 'failed') counts.failed += 1;
      else if (r.status === 'skipped') counts.skipped += 1;
      else counts.errors += 1;
    }
  }
  return { suites, totals };
}
