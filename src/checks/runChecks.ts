import type { CheckContext, Finding } from './check.ts';
import { checks } from './index.ts';

/** Runs every check on one case; one failing check never stops the others. */
export function runChecks(context: CheckContext): Finding[] {
  return checks.flatMap((check) => check.run(context).map((f) => ({ ...f, checkId: check.id, caseId: context.case.id })));
}
