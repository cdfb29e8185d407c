import type { JsonSchema } from '../manifest/types.ts';

/** Deeper than any hand-written schema; past it a recursive schema is left as its `$ref`. */
const MAX_DEPTH = 32;

/** Follows a local `$ref` (`#/schemas/Order`, or a pointer inside one) to its target; undefined if it dangles. */
export function follow(ref: string, schemas: Record<string, JsonSchema>): JsonSchema | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = { schemas };
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node as JsonSchema;
}

/** The schema a node stands for: its `$ref` target when it is only a reference, chains followed. */
export function resolve(node: JsonSchema | undefined, schemas: Record<string, JsonSchema>): JsonSchema | undefined {
  let current = node;
  for (let hops = 0; hops < MAX_DEPTH && typeof current === 'object' && typeof current.$ref === 'string'; hops++) {
    const { $ref, ...rest } = current;
    const target = follow($ref as string, schemas);
    // Siblings of $ref (2020-12 allows them) are kept beside the target's keywords.
    current = target === undefined ? current : typeof target === 'object' ? { ...target, ...rest } : target;
    if (target === undefined) break;
  }
  return current;
}

/**
 * A copy with every `$ref` replaced by what it points to, so an edit to a shared schema shows up
 * in every endpoint that uses it. A recursive schema keeps its `$ref` where it re-enters itself.
 */
export function inline(value: unknown, schemas: Record<string, JsonSchema>, entered: ReadonlySet<string> = new Set()): unknown {
  if (Array.isArray(value)) return value.map((v) => inline(v, schemas, entered));
  if (value === null || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  const ref = node.$ref;
  if (typeof ref === 'string' && !entered.has(ref) && entered.size < MAX_DEPTH) {
    const target = follow(ref, schemas);
    if (target !== undefined) {
      const { $ref: _ref, ...rest } = node;
      const expanded = inline(target, schemas, new Set([...entered, ref]));
      return typeof expanded === 'object' && expanded !== null ? { ...(expanded as object), ...(inline(rest, schemas, entered) as object) } : expanded;
    }
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v, schemas, entered)]));
}
