import type { Finding } from '../model/finding.ts';
import type { CheckContext } from './check.ts';
import { checksObserving } from './index.ts';

/** Runs every check that judges what the case observed; one failing check never stops the others. */
export function runChecks(context: CheckContext): Finding[] {
  // A loop, not flatMap: this runs for every exchange of a run, and most checks find nothing.
  const findings: Finding[] = [];
  for (const check of checksObserving(context.listeners ? 'listeners' : 'exchanges')) {
    for (const f of check.run(context)) findings.push({ ...f, checkId: check.id, caseId: context.case.id });
  }
  return findings;
}
