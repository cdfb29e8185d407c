import fc from 'fast-check';
import { boundedFilter } from '../bounded-filter.ts';
import { isAdditionalKey, requiredKeys } from '../children.ts';
import { generationTypes } from '../json-types.ts';
import { objectFromEntries } from '../json.ts';
import { mergeSchemas } from '../merge.ts';
import { MAX_BROKEN_BOUND, type Schema } from '../types.ts';
import { without, type Candidate, type PlainGen } from './candidate.ts';

/** Names a mass-assignment probe would try first, then random ones. */
const EXTRA_NAMES = ['unexpected', 'isAdmin', 'role', 'extra_field', '__unknown__', 'id_'];

const asObject = (x: Schema): Schema => ({ ...x, type: 'object' });

/**
 * `required` is reported at the object's pointer (where ajv puts it, with the
 * missing name in params); each draw drops one required property chosen at random.
 */
export function objectCandidates(s: Schema, gen: PlainGen): Candidate[] {
  if (!generationTypes(s).includes('object')) return [];
  const out: Candidate[] = [];
  const valid = gen(asObject(s)) as fc.Arbitrary<Record<string, unknown>> | undefined;
  const required = requiredKeys(s);
  if (valid && required.length) {
    const values = fc.tuple(valid, fc.constantFrom(...required)).map(([o, k]) => objectFromEntries(Object.entries(o).filter(([key]) => key !== k)));
    out.push({ keyword: 'required', values, relaxed: without(s, 'required') });
  }
  if (valid && s['additionalProperties'] === false) {
    // patternProperties may claim every name (e.g. ".*"): then there is nothing "additional" to add
    const names = boundedFilter(
      fc.oneof(fc.constantFrom(...EXTRA_NAMES), fc.string({ minLength: 1, maxLength: 10 })),
      (k) => k !== '__proto__' && isAdditionalKey(s, k),
      'an undeclared property name',
      { eager: true, poolRuns: 100 },
    );
    const extra = fc.oneof(fc.constant(true), fc.string({ maxLength: 6 }), fc.integer(), fc.constant(null));
    const values = fc.tuple(valid, names, extra).map(([o, k, v]) => objectFromEntries([...Object.entries(o), [k, v]]));
    if (names.isSatisfiable()) out.push({ keyword: 'additionalProperties', values, relaxed: without(s, 'additionalProperties') });
  }
  for (const [keyword, flip] of [['minProperties', 'maxProperties'], ['maxProperties', 'minProperties']] as const) {
    const n = s[keyword];
    if (typeof n !== 'number' || (keyword === 'minProperties' && n <= 0) || (keyword === 'maxProperties' && n >= MAX_BROKEN_BOUND)) continue;
    const relaxed = without(s, keyword);
    // objects.ts tops up with undeclared keys when needed (unless additionalProperties forbids)
    const merged = mergeSchemas(asObject(relaxed), { [flip]: keyword === 'minProperties' ? n - 1 : n + 1 });
    const values = merged ? gen(merged.schema) : undefined;
    if (values) out.push({ keyword, values, relaxed });
  }
  return out;
}
