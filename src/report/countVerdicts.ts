import { SUITES, type SuiteId } from '../plan/case.ts';
import type { Counts, EvidenceCase } from './evidence.ts';

const empty = (): Counts => ({ tests: 0, passed: 0, failed: 0, errors: 0, skipped: 0 });

const FIELD = { passed: 'passed', failed: 'failed', error: 'errors', skipped: 'skipped' } as const;

/**
 * Counts per suite and in total, from the cases themselves: one rule for a run and for merged
 * shards, so both give the same numbers (and `skipped` is counted, which RunSummary's counts lack).
 */
export function countVerdicts(cases: readonly Pick<EvidenceCase, 'suite' | 'verdict'>[]): { totals: Counts; suites: Record<SuiteId, Counts> } {
  const suites = Object.fromEntries(SUITES.map((s) => [s, empty()])) as Record<SuiteId, Counts>;
  const totals = empty();
  for (const c of cases) {
    for (const counts of [suites[c.suite], totals]) {
      counts.tests += 1;
      counts[FIELD[c.verdict]] += 1;
    }
  }
  return { totals, suites };
}
