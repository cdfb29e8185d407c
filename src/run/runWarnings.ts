import type { RunSummary } from './summarise.ts';

/** Sentences about the run itself (not the API) that every report should carry: an incomplete run must say so. */
export function runWarnings(run: Pick<RunSummary, 'refused' | 'interrupted' | 'totals'>, signal?: AbortSignal): string[] {
  const warnings: string[] = [];
  if (run.refused > 0) {
    warnings.push(`the target stopped answering during the run: ${run.refused} ${run.refused === 1 ? 'case' : 'cases'} could not be sent; check that it is up and run again`);
  }
  if (signal?.aborted) {
    warnings.push(`the run was interrupted: ${run.interrupted} of ${run.totals.tests} ${run.totals.tests === 1 ? 'case' : 'cases'} ${run.interrupted === 1 ? 'was' : 'were'} not run, so these reports are incomplete`);
  }
  return warnings;
}
