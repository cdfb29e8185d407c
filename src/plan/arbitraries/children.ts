import { allOfNode } from './merge.ts';
import { isPlainObject } from './json.ts';
import { compileRegex } from './regex.ts';
import type { JsonSchema, Schema } from './types.ts';

/**
 * The schema a child location must satisfy, per JSON Schema evaluation rules:
 * a property is checked by `properties[key]` and every matching
 * `patternProperties` entry, or else by `additionalProperties`; an array element
 * by `prefixItems[i]` or else `items`. Cached so identities are stable (memo keys).
 */
const propCache = new WeakMap<Schema, Map<string, JsonSchema>>();

export function propertySchema(s: Schema, key: string): JsonSchema {
  const props = isPlainObject(s['properties']) ? s['properties'] : {};
  const pp = isPlainObject(s['patternProperties']) ? s['patternProperties'] : {};
  const matching = Object.keys(pp).filter((p) => compileRegex(p)?.test(key));
  // keys outside `properties` share a node per set of matching patterns, keeping the cache bounded
  const cacheKey = Object.hasOwn(props, key) ? `p:${key}` : `x:${matching.join('\u0000')}`;
  let perNode = propCache.get(s);
  if (!perNode) propCache.set(s, (perNode = new Map()));
  const hit = perNode.get(cacheKey);
  if (hit !== undefined) return hit;
  const parts: Array<JsonSchema | undefined> = matching.map((p) => pp[p] as JsonSchema);
  if (Object.hasOwn(props, key)) parts.unshift(props[key] as JsonSchema);
  else if (parts.length === 0) parts.push((s['additionalProperties'] as JsonSchema | undefined) ?? true);
  const node = allOfNode(parts) ?? true;
  perNode.set(cacheKey, node);
  return node;
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
