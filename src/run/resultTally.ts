import { SUITES, type SuiteId } from '../plan/case.ts';
import type { CaseResult } from './caseResult.ts';
import { rotationObservation, type RotationObservation } from './rotationRecordFrom.ts';
import { matrixCell, type ScopeMatrixCell } from './scopeMatrix.ts';
import type { SuiteCounts } from './summarise.ts';

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
