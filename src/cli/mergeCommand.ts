import { HardenError } from '../errors.ts';
import { MergeError, mergeEvidence } from '../report/mergeEvidence.ts';
import { evidenceOf } from '../report/caseSource.ts';
import { deliver } from './deliver.ts';
import { readEvidence } from '../report/readEvidence.ts';
import { reportPaths } from './resolveOptions.ts';

/**
 * `harden merge`: one set of reports from every shard's evidence, identical in cases, order and
 * counts to an unsharded run. Exits like the run would have (1 when any case did not hold).
 */
export function mergeCommand(inputs: string[], flags: { reportsDir?: string; junit?: string }, io: { env: NodeJS.ProcessEnv; out: (line: string) => void }): number {
  const parts = inputs.map(readEvidence);
  let merged;
  try {
    merged = evidenceOf(mergeEvidence(parts));
  } catch (error) {
    if (!(error instanceof MergeError)) throw error;
    throw new HardenError('OPTION_INVALID', 'Cannot merge these evidence files.', { problems: error.problems.map((message) => ({ message, location: {} })) });
  }
  const paths = reportPaths(flags);
  const t = merged.totals;
  io.out(`merged ${parts.length} shards of ${merged.run.service} (seed ${merged.run.seed}): ${t.tests} cases, ${t.passed} passed, ${t.failed} failed, ${t.errors} errors, ${t.skipped} skipped, ${t.notProven} not proven`);
  // The inputs were redacted when their runs wrote them; the merge holds no secret of its own. One rule
  // for a run and for its shards merged: any incomplete shard makes the whole INCOMPLETE (exit 3).
  const delivered = deliver(merged, { dir: paths.reportsDir, junit: paths.junitPath }, io);
  io.out(delivered.text);
  return delivered.code;
}
