/** RFC 6901 helpers: ajv reports `instancePath` in this escaped form, so we must match it. */
function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function appendPointer(pointer: string, token: string | number): string {
  return `${pointer}/${escapePointerToken(String(token))}`;
}

/** Resolves a `#/a/b` fragment (percent-decoded, then ~1/~0 unescaped) inside `doc`. */
export function resolvePointer(doc: unknown, fragment: string): unknown {
  const raw = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (raw === '') return doc;
  if (!raw.startsWith('/')) return undefined;
  let current: unknown = doc;
  for (const encoded of raw.slice(1).split('/')) {
    const token = decodeURIComponent(encoded).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(token)];
    else if (current !== null && typeof current === 'object' && Object.hasOwn(current, token)) {
      current = (current as Record<string, unknown>)[token];
    } else return undefined;
  }
  return current;
}
