import { baselineFromEvidence } from '../baseline/baseline.ts';
import { evidenceOf } from '../report/caseSource.ts';
import { HardenError } from '../errors.ts';
import { writeBaselineFile } from './baselineIo.ts';
import { readEvidence } from '../report/readEvidence.ts';

/**
 * `harden baseline approve FILE`: pins what a finished run observed (its evidence.json) as the
 * approved behaviour later runs are compared with (`harden run --baseline FILE`).
 */
export function approveBaseline(file: string, evidenceFile: string, out: (line: string) => void): number {
  const evidence = readEvidence(evidenceFile);
  if (evidence.run.shard) {
    throw new HardenError('OPTION_INVALID', `${evidenceFile} holds shard ${evidence.run.shard.index}/${evidence.run.shard.count} only; merge the shards first (npx harden merge …) and approve the merged evidence.`);
  }
  const baseline = baselineFromEvidence(evidenceOf(evidence));
  writeBaselineFile(file, baseline);
  out(`baseline: approved ${baseline.cases.length} cases of ${baseline.service} (seed ${baseline.seed}) into ${file}`);
  const bad = evidence.cases.filter((c) => c.verdict === 'failed' || c.verdict === 'error').length;
  if (bad > 0) out(`baseline: ${bad} of them did not hold; the baseline pins them as they are, and they still fail every run`);
  return 0;
}
