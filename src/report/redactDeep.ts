/**
 * A copy of a JSON-like value with every string (keys included) passed through `redact`.
 * Applied to evidence before rendering, so a secret is replaced before any renderer escapes it
 * into a form (JSON \u-escapes, HTML entities) that a text search would no longer recognise.
 */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  // Plain loops: this runs on every case's evidence as it lands, so it is on the run's hot path.
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = redactDeep(value[i], redact);
    return out as T;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[redact(key)] = redactDeep((value as Record<string, unknown>)[key], redact);
    return out as T;
  }
  return value;
}
