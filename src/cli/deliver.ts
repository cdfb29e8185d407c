import type { Evidence } from '../report/evidence.ts';
import { gateFacts } from '../report/gateFacts.ts';
import { headlineText } from '../report/headline.ts';
import { fileSink, writeReports, type ReportPaths } from '../report/writeReports.ts';
import { gateVerdict, type Headline } from '../run/gate.ts';
import { publishToGitHub } from './publishToGitHub.ts';

export interface Delivered {
  /** The process's exit code, decided from the evidence alone (src/run/gate.ts). */
  code: number;
  headline: Headline;
  /** `PASS: 205 cases …`, the last line a run or a merge prints. */
  text: string;
}

/**
 * The last stage of every command that ends in reports (`run`, `replay`, `merge`): write the reports,
 * publish to GitHub when running there, and decide the exit code. One place, so a run, a replay and
 * shards merged are judged by the same rule from the same evidence.
 */
export function deliver(evidence: Evidence, paths: ReportPaths, io: { env: NodeJS.ProcessEnv; out: (line: string) => void }, options: { redact?: (text: string) => string; driftApproved?: boolean } = {}): Delivered {
  const redact = options.redact ?? ((text: string) => text);
  const written = writeReports(evidence, paths, (path) => fileSink(path, redact));
  publishToGitHub(evidence, io.env, io.out, redact);
  io.out(`reports: ${written.join(', ')}`);
  const facts = gateFacts(evidence, { driftApproved: options.driftApproved });
  const verdict = gateVerdict(facts);
  return { code: verdict.code, headline: verdict.headline, text: headlineText(verdict.headline, evidence.totals, { ...facts, incomplete: evidence.run.incomplete }) };
}
