/**
 * A copy of a JSON-like value with every string (keys included) passed through `redact`.
 * Applied to evidence before rendering, so a secret is replaced before any renderer escapes it
 * into a form (JSON \u-escapes, HTML entities) that a text search would no longer recognise.
 */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
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

/**
 * redactDeep without the copy, for a value just built that nothing else holds yet (each case's
 * evidence as it lands): the run makes one tree of garbage per case instead of two.
 */
export function redactBuilt<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = redactBuilt(value[i], redact);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const redactedKey = redact(key);
      const redacted = redactBuilt(record[key], redact);
      if (redactedKey !== key) {
        delete record[key];
        record[redactedKey] = redacted;
      } else if (redacted !== record[key]) record[key] = redacted;
    }
  }
  return value;
}
