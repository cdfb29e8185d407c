import type { Baseline, BaselineCase } from './baseline.ts';
import type { BaselineField, DriftChange, DriftItem } from '../model/drift.ts';

const FIELDS: BaselineField[] = ['verdict', 'status', 'errorType', 'challengeError', 'failedChecks'];

/** Baseline values as text, so a change reads the same in every report. */
function show(field: BaselineField, c: BaselineCase): string {
  const value = c[field];
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(',');
  if (value === null) return field === 'challengeError' ? 'no challenge' : 'none';
  if (value === '') return 'no error code';
  return String(value);
}

const item = (kind: DriftItem['kind'], c: BaselineCase, changes: DriftChange[], message: string): DriftItem => ({ kind, caseId: c.id, title: c.title, suite: c.suite, endpointId: c.endpointId, changes, message });

/**
 * Every difference between an approved baseline and what a run observed, in the order of the
 * observed cases (then removed ones, by id). `complete` says the run planned every case
 * (no shard, suite or case filter); only then is an approved case missing from it a drift.
 */
export function compareBaseline(approved: Baseline, observed: readonly BaselineCase[], options: { complete: boolean }): DriftItem[] {
  const before = new Map(approved.cases.map((c) => [c.id, c]));
  const drift: DriftItem[] = [];
  for (const now of observed) {
    const then = before.get(now.id);
    if (!then) {
      drift.push(item('added', now, [], `new case, not in the baseline (observed ${show('status', now)}, ${now.verdict})`));
      continue;
    }
    const changes = FIELDS.map((field) => ({ field, approved: show(field, then), observed: show(field, now) })).filter((c) => c.approved !== c.observed);
    if (changes.length > 0) drift.push(item('changed', now, changes, changes.map((c) => `${c.field} ${c.approved} → ${c.observed}`).join('; ')));
  }
  if (options.complete) {
    const seen = new Set(observed.map((c) => c.id));
    for (const then of approved.cases) {
      if (!seen.has(then.id)) drift.push(item('removed', then, [], `approved case no longer planned (was ${show('status', then)}, ${then.verdict})`));
    }
  }
  return drift;
}
