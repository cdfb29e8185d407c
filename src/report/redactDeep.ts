/**
 * A copy of a JSON-like value with every string (keys included) passed through `redact`.
 * Applied to evidence before rendering, so a secret is replaced before any renderer escapes it
 * into a form (JSON \u-escapes, HTML entities) that a text search would no longer recognise.
 */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v, redact)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), redactDeep(v, redact)])) as T;
  }
  return value;
}
