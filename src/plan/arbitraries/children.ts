import { allOfNode } from './merge.ts';
import { isPlainObject } from './json.ts';
import { compileRegex } from './regex.ts';
import type { JsonSchema, Schema } from './types.ts';

interface NodeChildren {
  readonly props: Readonly<Record<string, unknown>>;
  readonly patterns: readonly string[];
  /** Declared properties by name; other keys by the set of patterns they match. */
  readonly declared: Map<string, JsonSchema>;
  readonly undeclared: Map<string, JsonSchema>;
}
const propCache = new WeakMap<Schema, NodeChildren>();

/**
 * The schema a child location must satisfy, per JSON Schema evaluation rules:
 * a property is checked by `properties[key]` and every matching
 * `patternProperties` entry, or else by `additionalProperties`; an array element
 * by `prefixItems[i]` or else `items`. Cached so identities are stable (memo keys).
 */
export function propertySchema(s: Schema, key: string): JsonSchema {
  // Read for every member of every object generated or walked: the node's keywords are looked at once.
  let node = propCache.get(s);
  if (!node) {
    const props = isPlainObject(s['properties']) ? s['properties'] : {};
    const patterns = isPlainObject(s['patternProperties']) ? Object.keys(s['patternProperties']) : [];
    propCache.set(s, (node = { props, patterns, declared: new Map(), undeclared: new Map() }));
  }
  const own = Object.hasOwn(node.props, key);
  const matching = node.patterns.length === 0 ? node.patterns : node.patterns.filter((p) => compileRegex(p)?.test(key));
  // keys outside `properties` share a node per set of matching patterns, keeping the cache bounded
  const cache = own ? node.declared : node.undeclared;
  const cacheKey = own ? key : matching.join('\u0000');
  const hit = cache.get(cacheKey);
  if (hit !== undefined) return hit;
  const pp = s['patternProperties'] as Record<string, JsonSchema>;
  const parts: Array<JsonSchema | undefined> = matching.map((p) => pp[p]);
  if (own) parts.unshift(node.props[key] as JsonSchema);
  else if (parts.length === 0) parts.push((s['additionalProperties'] as JsonSchema | undefined) ?? true);
  const child = allOfNode(parts) ?? true;
  cache.set(cacheKey, child);
  return child;
}

export function itemSchema(s: Schema, index: number): JsonSchema {
  const prefix = Array.isArray(s['prefixItems']) ? (s['prefixItems'] as JsonSchema[]) : [];
  return prefix[index] ?? (s['items'] as JsonSchema | undefined) ?? true;
}

export function requiredKeys(s: Schema): string[] {
  const r = s['required'];
  return Array.isArray(r) ? [...new Set(r.filter((x): x is string => typeof x === 'string'))] : [];
}

export function declaredKeys(s: Schema): string[] {
  return isPlainObject(s['properties']) ? Object.keys(s['properties']) : [];
}

/** Whether `key` would be an "additional" property (neither declared nor pattern-matched). */
export function isAdditionalKey(s: Schema, key: string): boolean {
  const pp = isPlainObject(s['patternProperties']) ? s['patternProperties'] : {};
  return !declaredKeys(s).includes(key) && !Object.keys(pp).some((p) => compileRegex(p)?.test(key) ?? true);
}
