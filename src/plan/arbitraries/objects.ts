import fc from 'fast-check';
import { boundedFilter, type BoundedFilterArbitrary } from './bounded-filter.ts';
import { declaredKeys, isAdditionalKey, propertySchema, requiredKeys } from './children.ts';
import { fakerArbitrary } from './faker.ts';
import { isPlainObject, objectFromEntries } from './json.ts';
import { compileRegex } from './regex.ts';
import type { JsonSchema, Schema } from './types.ts';

export type ChildGen = (schema: JsonSchema, depth: number) => fc.Arbitrary<unknown>;
type Entry = readonly [string, unknown];

/**
 * Objects for properties/required/additionalProperties/patternProperties and
 * min/maxProperties. Extra (undeclared) keys are only added when
 * `additionalProperties` is explicitly `true` or a schema — an absent keyword is
 * permissive, but real APIs often reject unknown fields, and "valid" inputs
 * should be the unsurprising ones. Past the depth bound only required keys appear.
 */
export function objectArbitrary(s: Schema, depth: number, capped: boolean, child: ChildGen): fc.Arbitrary<Record<string, unknown>> | undefined {
  const required = requiredKeys(s);
  if (required.some((k) => propertySchema(s, k) === false)) return undefined;
  const optional = declaredKeys(s).filter((k) => !required.includes(k) && propertySchema(s, k) !== false);
  const minP = typeof s['minProperties'] === 'number' ? s['minProperties'] : 0;
  const maxP = typeof s['maxProperties'] === 'number' ? s['maxProperties'] : Infinity;
  if (required.length > maxP) return undefined;
  const ap = s['additionalProperties'];
  const extraSchema: JsonSchema = ap === undefined ? true : (ap as JsonSchema);
  const wantsExtras = (ap === true || isPlainObject(ap)) && !capped;
  const need = Math.max(0, minP - required.length);
  const hasCounts = need > 0 || maxP < required.length + optional.length + (wantsExtras ? 2 : 0);
  // building the name generator pre-samples it, so only do it when extras may be needed
  const keyArb = extraSchema !== false && (wantsExtras || need > optional.length) ? extraKeyArbitrary(s, required) : undefined;
  const explicitExtras = wantsExtras && keyArb !== undefined;
  const valueOf = (k: string) => child(propertySchema(s, k), depth + 1);
  const order = [...new Set([...declaredKeys(s), ...required])];
  const extras = (min: number, max: number): fc.Arbitrary<Entry[]> =>
    max <= 0 || !keyArb
      ? fc.constant([])
      : fc.array(fc.tuple(keyArb, child(extraSchema, depth + 1)), { minLength: min, maxLength: max }).map((es) => es.filter(([k], i) => es.findIndex(([x]) => x === k) === i));

  if (need > optional.length && !keyArb) return undefined;
  if (!hasCounts) {
    const model = Object.fromEntries((capped ? required : [...optional, ...required]).map((k) => [k, valueOf(k)]));
    const base = fc.record(model, { requiredKeys: required, noNullPrototype: true });
    const patterns = capped ? [] : patternEntries(s, depth, child);
    return fc.tuple(base, extras(0, explicitExtras ? 2 : 0), fc.tuple(...patterns)).map(([r, ex, pats]) => assemble(order, r as Record<string, unknown>, [...ex, ...pats.filter((p): p is Entry => p !== null)]));
  }
  // min/maxProperties: choose how many optional keys, then top up with extras if allowed
  const budget = maxP - required.length;
  const lo = Math.min(need, optional.length, budget);
  const hi = capped ? lo : Math.min(optional.length, budget);
  const sized = fc.subarray(optional, { minLength: lo, maxLength: hi }).chain((keys) => {
    const missing = Math.max(0, need - keys.length);
    const room = budget - keys.length;
    const maxExtra = Math.min(room, Math.max(missing, explicitExtras ? missing + 2 : missing));
    const rec = fc.record(Object.fromEntries([...keys, ...required].map((k) => [k, valueOf(k)])), { noNullPrototype: true });
    return fc.tuple(rec, extras(missing, maxExtra)).map(([r, ex]) => assemble(order, r as Record<string, unknown>, ex));
  });
  // duplicate extra names are dropped, which can undershoot minProperties
  const count = (o: object) => Object.keys(o).length;
  return boundedFilter(sized, (o) => count(o) >= minP && count(o) <= maxP, `object with ${minP}..${maxP} properties`);
}

/** Declared keys first, in declaration order, then required-only keys (`order`, worked out once per schema), then extras. */
function assemble(order: readonly string[], rec: Record<string, unknown>, extra: readonly Entry[]): Record<string, unknown> {
  const entries: Entry[] = [];
  for (const k of order) if (Object.hasOwn(rec, k)) entries.push([k, rec[k]]);
  if (extra.length > 0) {
    const seen = new Set(entries.map(([k]) => k));
    for (const [k, v] of extra) if (!seen.has(k)) (seen.add(k), entries.push([k, v]));
  }
  return objectFromEntries(entries);
}

function extraKeyArbitrary(s: Schema, required: readonly string[]): fc.Arbitrary<string> | undefined {
  const words = fakerArbitrary((f) => f.lorem.word());
  const keys = boundedFilter(
    fc.oneof(words, fc.string({ minLength: 1, maxLength: 12 })),
    (k) => k !== '__proto__' && !required.includes(k) && isAdditionalKey(s, k),
    'an undeclared property name',
    { eager: true, poolRuns: 100 },
  );
  // e.g. patternProperties ".*" leaves no "additional" names at all
  return keys.isSatisfiable() ? keys : undefined;
}

/** At most one optional entry per pattern, with a key produced from the pattern itself. */
function patternEntries(s: Schema, depth: number, child: ChildGen): Array<fc.Arbitrary<Entry | null>> {
  const pp = isPlainObject(s['patternProperties']) ? s['patternProperties'] : {};
  const declared = declaredKeys(s);
  const out: Array<fc.Arbitrary<Entry | null>> = [];
  for (const p of Object.keys(pp)) {
    const re = compileRegex(p);
    if (!re) continue;
    let keys: BoundedFilterArbitrary<string>;
    try {
      keys = boundedFilter(fc.stringMatching(re, { size: 'xsmall' }), (k) => k !== '__proto__' && !declared.includes(k), `key for ${p}`, { eager: true });
    } catch {
      continue;
    }
    if (!keys.isSatisfiable()) continue;
    const entry = keys.chain((k) => {
      const sub = propertySchema(s, k);
      return sub === false ? fc.constant(null) : child(sub, depth + 1).map((v): Entry => [k, v]);
    });
    out.push(fc.option(entry, { nil: null }));
  }
  return out;
}
