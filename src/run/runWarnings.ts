import type { CaseResult } from './caseResult.ts';

/** Sentences about the run itself (not the API) that every report should carry: an incomplete run must say so. */
export function runWarnings(results: readonly CaseResult[], signal?: AbortSignal): string[] {
  const warnings: string[] = [];
  const refused = results.filter((r) => r.failure?.kind === 'connection-refused').length;
  if (refused > 0) {
    warnings.push(`the target stopped answering during the run: ${refused} case(s) could not be sent; check that it is up and run again`);
  }
  if (signal?.aborted) {
    const notRun = results.filter((r) => r.status === 'skipped' && /interrupted/.test(r.skipReason ?? '')).length;
    warnings.push(`the run was interrupted: ${notRun} of ${results.length} case(s) were not run, so these reports are incomplete`);
  }
  return warnings;
}
