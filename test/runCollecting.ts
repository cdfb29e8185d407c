import type { CaseResult } from '../src/run/caseResult.ts';
import { executeRun, type RunOptions } from '../src/run/executeRun.ts';
import type { RunSummary } from '../src/run/summarise.ts';

/** A run's summary with its results, in plan order. */
export type CollectedRun = RunSummary & { results: CaseResult[] };

/**
 * executeRun, keeping every result (in plan order) for a test to inspect. The run itself drops each
 * result once its reporters have it; tests of small plans can afford to keep them.
 */
export async function runCollecting(options: RunOptions): Promise<CollectedRun> {
  const results: CaseResult[] = [];
  const collector = { onCaseResult: (r: Readonly<CaseResult>, index: number) => void (results[index] = r as CaseResult) };
  const summary = await executeRun({ ...options, reporters: [...(options.reporters ?? []), collector] });
  return { ...summary, results: results.filter((r) => r !== undefined) };
}
