import type { JsonSchema, Manifest } from '../manifest/types.ts';

/**
 * The schema a `#/schemas/Name` reference points at, following references; a cycle or a reference
 * outside the manifest's schemas ends the walk. The fragment is percent-decoded, then unescaped as a
 * JSON Pointer (RFC 6901 §6).
 */
export function resolveRef(schema: JsonSchema, manifest: Manifest): JsonSchema {
  const seen = new Set<JsonSchema>();
  let current = schema;
  while (typeof current === 'object' && typeof current.$ref === 'string' && !seen.has(current)) {
    seen.add(current);
    const match = /^#\/schemas\/(.+)$/.exec(current.$ref);
    const next = match ? manifest.schemas[decodeURIComponent(match[1]!).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    if (next === undefined) break;
    current = next;
  }
  return current;
}
