import { pointerSegments } from '../manifest/locate.ts';
import { isObject, type JsonObject } from './json.ts';

/** The value a local `$ref` ("#/a/b") points at in a document, or undefined. */
export function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let fragment = ref.slice(1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // A malformed %-escape: read the pointer as written.
  }
  let node: unknown = root;
  for (const segment of pointerSegments(fragment)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) node = Object.hasOwn(node, segment) ? node[segment] : undefined;
    else return undefined;
  }
  return node;
}

/**
 * Follows `$ref` chains of non-schema objects (parameters, responses, request bodies, security schemes).
 * Returns undefined for a reference that does not resolve or loops, so callers can warn instead of crash.
 */
export function deref(root: unknown, value: unknown): JsonObject | undefined {
  let node = value;
  for (let hops = 0; hops < 32; hops++) {
    if (!isObject(node)) return undefined;
    if (typeof node.$ref !== 'string') return node;
    node = resolvePointer(root, node.$ref);
  }
  return undefined;
}
