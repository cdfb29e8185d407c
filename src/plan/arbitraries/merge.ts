import { declaredTypes, type JsonType } from './json-types.ts';
import { canonicalJson, isPlainObject } from './json.ts';
import { ANNOTATION_KEYWORDS } from './keywords.ts';
import { compileRegex } from './regex.ts';
import type { JsonSchema, Schema } from './types.ts';

/**
 * Intersection of two plain nodes (no $ref/allOf/anyOf/oneOf), used for `allOf`
 * and for a composition's siblings. Bounds intersect, `required` unions, per-key
 * property schemas become `{allOf:[...]}`. `lossy` means the result may accept
 * more than the intersection, so the caller must filter through ajv.
 * Returns `undefined` when the intersection is provably empty.
 */
export interface MergeResult { schema: Schema; lossy: boolean }

const MAX_OF = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains'];
const MIN_OF = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains'];
const STRUCTURAL = new Set(['type', 'enum', 'const', 'required', 'uniqueItems', 'multipleOf', 'properties', 'patternProperties', 'additionalProperties', 'items', 'prefixItems']);

export function mergeSchemas(a: Schema, b: Schema): MergeResult | undefined {
  const out: Schema = { ...a };
  let lossy = false;
  for (const [k, bv] of Object.entries(b)) {
    if (STRUCTURAL.has(k)) continue;
    const av = out[k];
    if (av === undefined) out[k] = bv;
    else if (MAX_OF.includes(k) && typeof av === 'number' && typeof bv === 'number') out[k] = Math.max(av, bv);
    else if (MIN_OF.includes(k) && typeof av === 'number' && typeof bv === 'number') out[k] = Math.min(av, bv);
    else if (!ANNOTATION_KEYWORDS.has(k) && canonicalJson(av) !== canonicalJson(bv)) lossy = true; // e.g. two patterns: generate from one, filter by both
  }
  const type = mergeTypes(a, b);
  if (type === null) return undefined;
  if (type !== undefined) out['type'] = type;
  const values = mergeValues(a, b);
  if (values === null) return undefined;
  if (values !== undefined) {
    delete out['const'];
    out['enum'] = values;
  }
  const req = [...new Set([...asStrings(a['required']), ...asStrings(b['required'])])];
  if (req.length) out['required'] = req;
  if (a['uniqueItems'] === true || b['uniqueItems'] === true) out['uniqueItems'] = true;
  const m = mergeMultipleOf(a['multipleOf'], b['multipleOf']);
  if (m.value !== undefined) out['multipleOf'] = m.value;
  lossy ||= m.lossy;
  lossy ||= mergeObjectKeywords(a, b, out);
  mergeArrayKeywords(a, b, out);
  return { schema: out, lossy };
}

/** `allOf` of several sub-schemas, simplified: `true`/`{}` vanish, a `false` wins. */
export function allOfNode(parts: ReadonlyArray<JsonSchema | undefined>): JsonSchema | undefined {
  const kept = parts.filter((p): p is JsonSchema => p !== undefined && p !== true && !(isPlainObject(p) && Object.keys(p).length === 0));
  if (kept.includes(false)) return false;
  if (kept.length === 0) return parts.some((p) => p !== undefined) ? true : undefined;
  return kept.length === 1 ? kept[0] : { allOf: kept };
}

function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function mergeTypes(a: Schema, b: Schema): JsonType[] | undefined | null {
  const ta = declaredTypes(a);
  const tb = declaredTypes(b);
  if (!ta || !tb) return ta ?? tb;
  const has = (ts: JsonType[], t: JsonType) => ts.includes(t) || (t === 'integer' && ts.includes('number'));
  const out = [...new Set([...ta, ...tb])].filter((t) => has(ta, t) && has(tb, t));
  return out.length ? out : null;
}

function valuesOf(s: Schema): unknown[] | undefined {
  if ('const' in s) return [s['const']];
  return Array.isArray(s['enum']) ? s['enum'] : undefined;
}

function mergeValues(a: Schema, b: Schema): unknown[] | undefined | null {
  const va = valuesOf(a);
  const vb = valuesOf(b);
  if (!va || !vb) return va ?? vb;
  const keys = new Set(vb.map(canonicalJson));
  const out = va.filter((v) => keys.has(canonicalJson(v)));
  return out.length ? out : null;
}

function decimals(x: number): number {
  const s = String(x);
  if (s.includes('e')) return 99;
  return s.split('.')[1]?.length ?? 0;
}

function gcd(x: number, y: number): number {
  return y === 0 ? x : gcd(y, x % y);
}

/** Exact lcm for integers and short decimals; otherwise keep one and ask for a filter. */
function mergeMultipleOf(x: unknown, y: unknown): { value?: number; lossy: boolean } {
  if (typeof x !== 'number' || typeof y !== 'number') return { value: typeof x === 'number' ? x : (y as number | undefined), lossy: false };
  const d = Math.max(decimals(x), decimals(y));
  if (d > 8) return { value: x, lossy: true };
  const scale = 10 ** d;
  const ix = Math.round(x * scale);
  const iy = Math.round(y * scale);
  const l = (ix / gcd(ix, iy)) * iy;
  if (!Number.isSafeInteger(l)) return { value: x, lossy: true };
  // decimal lcms still go through ajv: v/x is a float division there
  return { value: Number((l / scale).toFixed(d)), lossy: d > 0 };
}

function patternSchemas(s: Schema, key: string): JsonSchema[] | undefined {
  const pp = s['patternProperties'];
  if (!isPlainObject(pp)) return [];
  const out: JsonSchema[] = [];
  for (const [p, sub] of Object.entries(pp)) {
    const re = compileRegex(p);
    if (!re) return undefined;
    if (re.test(key)) out.push(sub as JsonSchema);
  }
  return out;
}

/** What side `s` demands of property `key` (JSON Schema evaluation order). */
function sideFor(s: Schema, key: string): { parts: Array<JsonSchema | undefined>; exact: boolean } {
  const props = isPlainObject(s['properties']) ? s['properties'] : {};
  const pats = patternSchemas(s, key);
  const own = Object.hasOwn(props, key) ? [props[key] as JsonSchema] : [];
  if (!pats) return { parts: own, exact: false };
  if (own.length || pats.length) return { parts: [...own, ...pats], exact: true };
  return { parts: [s['additionalProperties'] as JsonSchema | undefined], exact: true };
}

function mergeObjectKeywords(a: Schema, b: Schema, out: Schema): boolean {
  const keys = ['properties', 'patternProperties', 'additionalProperties'];
  if (!keys.some((k) => k in a) || !keys.some((k) => k in b)) {
    for (const k of keys) if (!(k in out) && k in b) out[k] = b[k];
    return false;
  }
  let lossy = false;
  const names = new Set([...Object.keys(isPlainObject(a['properties']) ? a['properties'] : {}), ...Object.keys(isPlainObject(b['properties']) ? b['properties'] : {})]);
  const props: Record<string, JsonSchema> = {};
  for (const name of names) {
    const sa = sideFor(a, name);
    const sb = sideFor(b, name);
    lossy ||= !sa.exact || !sb.exact;
    Object.defineProperty(props, name, { value: allOfNode([...sa.parts, ...sb.parts]) ?? true, enumerable: true, writable: true, configurable: true });
  }
  if (names.size) out['properties'] = props;
  const pa = isPlainObject(a['patternProperties']) ? a['patternProperties'] : {};
  const pb = isPlainObject(b['patternProperties']) ? b['patternProperties'] : {};
  const pats = [...new Set([...Object.keys(pa), ...Object.keys(pb)])];
  if (pats.length) {
    // a key matching one side's pattern is still subject to the other side's additionalProperties
    lossy = true;
    out['patternProperties'] = Object.fromEntries(pats.map((p) => [p, allOfNode([pa[p] as JsonSchema | undefined, pb[p] as JsonSchema | undefined]) ?? true]));
  }
  const ap = allOfNode([a['additionalProperties'] as JsonSchema | undefined, b['additionalProperties'] as JsonSchema | undefined]);
  if (ap !== undefined) out['additionalProperties'] = ap;
  return lossy;
}

function mergeArrayKeywords(a: Schema, b: Schema, out: Schema): void {
  const pa = Array.isArray(a['prefixItems']) ? (a['prefixItems'] as JsonSchema[]) : [];
  const pb = Array.isArray(b['prefixItems']) ? (b['prefixItems'] as JsonSchema[]) : [];
  const ia = a['items'] as JsonSchema | undefined;
  const ib = b['items'] as JsonSchema | undefined;
  const len = Math.max(pa.length, pb.length);
  if (len > 0) out['prefixItems'] = Array.from({ length: len }, (_, i) => allOfNode([pa[i] ?? ia ?? true, pb[i] ?? ib ?? true]) ?? true);
  const items = allOfNode([ia, ib]);
  if (items !== undefined) out['items'] = items;
}
