import { SUITES, type SuiteId } from '../plan/case.ts';
import type { CaseResult } from './caseResult.ts';
import type { RotationRecord } from './rotationRecord.ts';
import { rotationObservation, type RotationObservation } from './rotationRecordFrom.ts';
import { matrixCell, type ScopeMatrix, type ScopeMatrixCell } from './scopeMatrix.ts';

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

const empty = (): SuiteCounts => ({ tests: 0, passed: 0, failed: 0, errors: 0, skipped: 0 });

const FIELD = { passed: 'passed', failed: 'failed', error: 'errors', skipped: 'skipped' } as const;

/** Values given with their plan index, back in plan order. */
const inPlanOrder = <T>(items: [number, T][]) => items.sort((a, b) => a[0] - b[0]).map(([, item]) => item);

/**
 * What a run keeps of each result for its summary (counts, the matrix cell, the drill step) as the
 * results land in any order; the results themselves are not kept.
 */
export class ResultTally {
  readonly suites = Object.fromEntries(SUITES.map((s) => [s, empty()])) as Record<SuiteId, SuiteCounts>;
  readonly totals = empty();
  refused = 0;
  interrupted = 0;
  private readonly cells: [number, ScopeMatrixCell][] = [];
  private readonly drill: [number, RotationObservation][] = [];

  /** `index`: the case's position in the plan. */
  add(result: Readonly<CaseResult>, index: number): void {
    for (const counts of [this.suites[result.case.suite], this.totals]) {
      counts.tests += 1;
      counts[FIELD[result.status]] += 1;
    }
    if (result.failure?.kind === 'connection-refused') this.refused += 1;
    if (result.status === 'skipped' && /interrupted/.test(result.skipReason ?? '')) this.interrupted += 1;
    const cell = matrixCell(result);
    if (cell) this.cells.push([index, cell]);
    const step = rotationObservation(result);
    if (step) this.drill.push([index, step]);
  }

  matrixCells(): ScopeMatrixCell[] {
    return inPlanOrder(this.cells);
  }

  drillSteps(): RotationObservation[] {
    return inPlanOrder(this.drill);
  }
}
