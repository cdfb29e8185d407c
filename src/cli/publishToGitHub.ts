import { appendFileSync } from 'node:fs';
import type { Evidence } from '../report/evidence.ts';
import { githubAnnotations } from '../report/githubAnnotations.ts';
import { summaryMarkdown } from '../report/summaryMarkdown.ts';

/**
 * On GitHub Actions: the summary appended to the job summary (GITHUB_STEP_SUMMARY) and one
 * `::error` annotation per case that did not hold (GITHUB_ACTIONS=true). Both texts pass
 * through `redact` like every other output.
 */
export function publishToGitHub(evidence: Evidence, env: NodeJS.ProcessEnv, out: (line: string) => void, redact: (text: string) => string): void {
  const stepSummary = env.GITHUB_STEP_SUMMARY;
  if (stepSummary) {
    try {
      appendFileSync(stepSummary, redact(`${summaryMarkdown(evidence)}\n`));
    } catch (error) {
      // The job summary is a convenience; the gate's verdict and the report files stand without it.
      out(`warning: cannot append to GITHUB_STEP_SUMMARY (${stepSummary}): ${(error as Error).message}`);
    }
  }
  if (env.GITHUB_ACTIONS === 'true') for (const line of githubAnnotations(evidence)) out(line);
}
