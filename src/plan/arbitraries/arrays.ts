import fc from 'fast-check';
import { boundedFilter } from './bounded-filter.ts';
import { canonicalJson } from './json.ts';
import { allOfNode } from './merge.ts';
import type { ChildGen } from './objects.ts';
import type { JsonSchema, Schema } from './types.ts';

/** Extra elements beyond max(minItems, prefixItems.length) when maxItems leaves room. */
const SLACK = 3;

function dedupe(xs: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const key = canonicalJson(x);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function hasUniqueItems(a: readonly unknown[]): boolean {
  return new Set(a.map(canonicalJson)).size === a.length;
}

/**
 * Arrays for prefixItems/items/minItems/maxItems/uniqueItems (+ `contains`, which
 * is seeded with matching elements and left to the node's ajv guard). Arrays may
 * stop inside the prefix (tuples are allowed to be short) unless minItems forbids.
 * Past the depth bound arrays have exactly minItems elements.
 */
export function arrayArbitrary(s: Schema, depth: number, capped: boolean, child: ChildGen): fc.Arbitrary<unknown[]> | undefined {
  const prefix = Array.isArray(s['prefixItems']) ? (s['prefixItems'] as JsonSchema[]) : [];
  const items = s['items'] as JsonSchema | undefined;
  const minI = typeof s['minItems'] === 'number' ? Math.max(0, Math.ceil(s['minItems'])) : 0;
  let maxI = typeof s['maxItems'] === 'number' ? Math.floor(s['maxItems']) : Infinity;
  if (items === false) maxI = Math.min(maxI, prefix.length);
  const firstFalse = prefix.indexOf(false);
  if (firstFalse >= 0) maxI = Math.min(maxI, firstFalse);
  const cap = capped ? minI : Math.min(maxI, Math.max(minI, prefix.length) + SLACK);
  if (cap < minI) return undefined;
  const P = Math.min(prefix.length, cap);
  const prefixArbs = prefix.slice(0, P).map((p) => child(p, depth + 1));
  const tail = items === false ? undefined : child(items ?? true, depth + 1);
  const unique = s['uniqueItems'] === true;

  const variants: Array<fc.Arbitrary<unknown[]>> = [];
  if (P === 0 && !tail) variants.push(fc.constant([]));
  else if (P === 0 && tail) {
    // not fc.uniqueArray: with minLength it filters without bound when few distinct items exist
    // unbiased: fast-check's bias draws from small ranges and repeats earlier items, so a long unique
    // array (breaking `maxItems: 10000`) lost most of its items to deduplication and was drawn again and again
    variants.push(unique ? fc.noBias(fc.array(tail, { minLength: minI, maxLength: cap + SLACK })).map((xs) => dedupe(xs).slice(0, cap)) : fc.array(tail, { minLength: minI, maxLength: cap }));
  } else {
    // a tuple may be complete (then `items` continues it) or stop early
    const restMax = P === prefix.length && tail ? cap - P : 0;
    const restMin = Math.max(0, minI - P);
    if (restMin <= restMax) {
      const rest = restMax > 0 && tail ? fc.array(tail, { minLength: restMin, maxLength: restMax }) : fc.constant([]);
      variants.push(fc.tuple(fc.tuple(...prefixArbs), rest).map(([a, b]) => [...a, ...b]));
    }
    if (minI < P) variants.push(fc.tuple(fc.tuple(...prefixArbs), fc.integer({ min: minI, max: P - 1 })).map(([a, n]) => a.slice(0, n)));
  }
  if (variants.length === 0) return undefined;
  let arb = variants.length === 1 ? variants[0]! : fc.oneof(...variants);
  if (s['contains'] !== undefined && tail) arb = withContains(s, arb, P, maxI, depth, child);
  const label = `array ${JSON.stringify({ minItems: s['minItems'], maxItems: s['maxItems'], uniqueItems: s['uniqueItems'] })}`;
  // deduplication may fall short of minLength when few distinct items exist
  return unique || minI > 0 ? boundedFilter(arb, (a) => a.length >= minI && a.length <= maxI && (!unique || hasUniqueItems(a)), label) : arb;
}

function withContains(s: Schema, arb: fc.Arbitrary<unknown[]>, prefixLen: number, maxI: number, depth: number, child: ChildGen): fc.Arbitrary<unknown[]> {
  const node = allOfNode([s['items'] as JsonSchema | undefined, s['contains'] as JsonSchema]) ?? true;
  const n = typeof s['minContains'] === 'number' ? s['minContains'] : 1;
  if (node === false || n <= 0) return arb;
  return fc.tuple(arb, fc.array(child(node, depth + 1), { minLength: n, maxLength: n })).map(([a, c]) => {
    if (a.length + c.length <= maxI) return [...a, ...c];
    const keep = Math.max(prefixLen, a.length - c.length);
    return [...a.slice(0, keep), ...c].slice(0, Math.max(maxI, keep));
  });
}
