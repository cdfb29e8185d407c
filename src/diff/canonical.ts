/** Lists that mean sets wherever they appear (JSON Schema keywords, scopes, error statuses). */
const SET_KEYS = new Set(['required', 'enum', 'type', 'scopes', 'volatile', 'unauthenticated', 'malformedCredentials', 'forbidden', 'invalid', 'malformedJson', 'unsupportedMediaType', 'tooLarge']);

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * JSON with object keys sorted, so two values that differ only in key order (a reordered YAML
 * mapping) compare equal. Arrays keep their order except under SET_KEYS.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (Array.isArray(v)) return SET_KEYS.has(key) ? [...v].sort((a, b) => order(canonical(a), canonical(b))) : v;
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => order(a, b)));
  });
}

export const sameJson = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** A list compared as a set: order and duplicates do not matter. */
export const sortedSet = (list: readonly unknown[]) => [...new Set(list.map(canonical))].sort();
