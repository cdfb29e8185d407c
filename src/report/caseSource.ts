import type { SuiteId } from '../plan/case.ts';
import type { Evidence, EvidenceCase, EvidenceDocument, Verdict } from './evidence.ts';

/** Which cases a report section reads; a spool skips the others without parsing them. */
export interface CaseFilter {
  suite?: SuiteId;
  verdicts?: readonly Verdict[];
}

/**
 * The cases of an evidence document, read in plan order as often as a report needs them.
 * A run's come from a file-backed spool (src/report/caseSpool.ts) so that writing the reports
 * never holds every case at once; merged shards and tests hand in an array.
 */
export interface CaseSource {
  readonly count: number;
  read(filter?: CaseFilter): Iterable<EvidenceCase>;
}

export const matchesFilter = (c: Pick<EvidenceCase, 'suite' | 'verdict'>, filter?: CaseFilter): boolean =>
  (filter?.suite === undefined || c.suite === filter.suite) && (filter?.verdicts === undefined || filter.verdicts.includes(c.verdict));

/** Cases already in memory and in plan order. */
export function caseList(cases: readonly EvidenceCase[]): CaseSource {
  return {
    count: cases.length,
    *read(filter) {
      for (const c of cases) if (matchesFilter(c, filter)) yield c;
    },
  };
}

/** An evidence document read from a file (or built in memory), as the renderers take it. */
export function evidenceOf(document: EvidenceDocument): Evidence {
  return { ...document, cases: caseList(document.cases) };
}

/** The verdicts that fail the gate. */
export const NOT_HELD: readonly Verdict[] = ['failed', 'error'];
