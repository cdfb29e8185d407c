import fc from 'fast-check';

/** JSON helpers shared by generators: values must survive JSON.stringify unchanged. */

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Builds an own-property object even for the key `__proto__` (assignment would hit the setter).
 * Only that key is defined: defining every key turned wide objects into slow dictionaries.
 */
export function objectFromEntries(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out;
}

/** Key-order-insensitive serialisation: ajv's uniqueItems/enum/const use deep equality, not key order. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isPlainObject(v)) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** Deep copy through our own builder so callers can mutate results without aliasing. */
export function jsonClone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(jsonClone) as T;
  if (isPlainObject(v)) return objectFromEntries(Object.entries(v).map(([k, x]) => [k, jsonClone(x)])) as T;
  return v;
}

/** Normalises fast-check output: -0 → 0, null-prototype objects → plain ones, `__proto__` keys dropped. */
export function sanitizeJson(v: unknown): unknown {
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
  if (Array.isArray(v)) return v.map(sanitizeJson);
  if (v !== null && typeof v === 'object') {
    return objectFromEntries(
      Object.entries(v)
        .filter(([k]) => k !== '__proto__')
        .map(([k, x]) => [k, sanitizeJson(x)] as const),
    );
  }
  return v;
}

/** Any JSON value, shallow once the depth bound is reached (schema `true` / `{}`). */
export function anyJsonArbitrary(capped: boolean): fc.Arbitrary<unknown> {
  const arb = capped
    ? fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string())
    : fc.jsonValue({ maxDepth: 2 });
  return arb.map(sanitizeJson);
}
