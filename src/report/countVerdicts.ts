import type { SuiteId } from '../plan/case.ts';
import { countVerdict, emptyCounts } from '../run/summarise.ts';
import type { Counts, EvidenceCase } from './evidence.ts';

/**
 * Counts per suite and in total, from the cases themselves (merged shards, evidence built in
 * memory), by the same rule a run counts with as its results land.
 */
export function countVerdicts(cases: readonly Pick<EvidenceCase, 'suite' | 'verdict'>[]): { totals: Counts; suites: Record<SuiteId, Counts> } {
  const counts = emptyCounts();
  for (const c of cases) countVerdict(counts, c.suite, c.verdict);
  return { totals: counts.totals, suites: counts.suites };
}
