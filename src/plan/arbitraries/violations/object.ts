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
 * The objects that break `required` or `additionalProperties` hold only what the node requires
 * (`minimal`: generated as past the depth bound), as the containers around a broken value do
 * (embed.ts): the value breaks one keyword and carries nothing the schema does not ask for.
 * Drawing every optional member of a Microsoft Graph entity for them was an eighth of Graph beta's
 * planning.
 */
export function objectCandidates(s: Schema, gen: PlainGen, minimal: PlainGen = gen): Candidate[] {
  if (!generationTypes(s).includes('object')) return [];
  const out: Candidate[] = [];
  const validFrom = (g: PlainGen) => g(asObject(s)) as fc.Arbitrary<Record<string, unknown>> | undefined;
  // a node whose bare object cannot be generated still gets its violations from the full one
  const valid = validFrom(minimal) ?? validFrom(gen);
  // When the bare object cannot break it alone (a `minProperties` the required members alone meet
  // only all together), objects with optional members are tried after all.
  const fallbackFrom = (build: (o: fc.Arbitrary<Record<string, unknown>>) => fc.Arbitrary<unknown>) =>
    minimal === gen ? undefined : () => {
      const full = validFrom(gen);
      return full ? build(full) : undefined;
    };
  const required = requiredKeys(s);
  if (valid && required.length) {
    const dropOne = (o: fc.Arbitrary<Record<string, unknown>>) => fc.tuple(o, fc.constantFrom(...required)).map(([x, k]) => objectFromEntries(Object.entries(x).filter(([key]) => key !== k)));
    out.push({ keyword: 'required', values: dropOne(valid), relaxed: without(s, 'required'), fallback: fallbackFrom(dropOne) });
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
    const addOne = (o: fc.Arbitrary<Record<string, unknown>>) => fc.tuple(o, names, extra).map(([x, k, v]) => objectFromEntries([...Object.entries(x), [k, v]]));
    if (names.isSatisfiable()) out.push({ keyword: 'additionalProperties', values: addOne(valid), relaxed: without(s, 'additionalProperties'), fallback: fallbackFrom(addOne) });
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
