import type { SuiteId } from '../plan/case.ts';
import type { CaseResult } from './caseResult.ts';
import { rotationObservation, type RotationObservation } from './rotationRecordFrom.ts';
import { matrixCell, type ScopeMatrixCell } from './scopeMatrix.ts';
import type { SuiteCounts } from '../model/counts.ts';
import { countVerdict, emptyCounts } from './summarise.ts';

/** Values given with their plan index, back in plan order. */
const inPlanOrder = <T>(items: [number, T][]) => items.sort((a, b) => a[0] - b[0]).map(([, item]) => item);

/**
 * What a run keeps of each result for its summary (counts, the matrix cell, the drill step) as the
 * results land in any order; the results themselves are not kept.
 */
export class ResultTally {
  private readonly counts = emptyCounts();
  readonly suites: Record<SuiteId, SuiteCounts> = this.counts.suites;
  readonly totals: SuiteCounts = this.counts.totals;
  refused = 0;
  interrupted = 0;
  private readonly cells: [number, ScopeMatrixCell][] = [];
  private readonly drill: [number, RotationObservation][] = [];

  /** `index`: the case's position in the plan. */
  add(result: Readonly<CaseResult>, index: number): void {
    countVerdict(this.counts, result.case.suite, result.status);
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
