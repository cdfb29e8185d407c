import { DATA_KEYWORDS } from './keywords.ts';
import type { Schema } from './types.ts';

/**
 * Rewrites older dialects into the 2020-12 shapes the generators understand:
 * - OpenAPI 3.0 `nullable: true` → `"null"` added to `type`
 * - draft-4 boolean `exclusiveMinimum`/`exclusiveMaximum` → numeric form
 * - draft-4..2019 tuple `items: [..]` + `additionalItems` → `prefixItems` + `items`
 * - draft-7 `dependencies` → `dependentRequired` / `dependentSchemas`
 * Shallow and cached so node identity stays stable for memoisation.
 */
const cache = new WeakMap<Schema, Schema>();

export function normalizeNode(node: Schema): Schema {
  const hit = cache.get(node);
  if (hit) return hit;
  const out = needsNormalizing(node) ? rewrite(node) : node;
  cache.set(node, out);
  return out;
}

function needsNormalizing(s: Schema): boolean {
  return 'nullable' in s || typeof s['exclusiveMinimum'] === 'boolean' || typeof s['exclusiveMaximum'] === 'boolean'
    || Array.isArray(s['items']) || 'additionalItems' in s || 'dependencies' in s;
}

function rewrite(node: Schema): Schema {
  const s: Schema = { ...node };
  if (s['nullable'] === true && s['type'] !== undefined) {
    const types = Array.isArray(s['type']) ? s['type'] : [s['type']];
    s['type'] = types.includes('null') ? types : [...types, 'null'];
  }
  delete s['nullable'];
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof s[flag] !== 'boolean') continue;
    if (s[flag] === true && typeof s[bound] === 'number') {
      s[flag] = s[bound];
      delete s[bound];
    } else delete s[flag];
  }
  if (Array.isArray(s['items']) && s['prefixItems'] === undefined) {
    s['prefixItems'] = s['items'];
    if (s['additionalItems'] !== undefined) s['items'] = s['additionalItems'];
    else delete s['items'];
  }
  delete s['additionalItems'];
  const deps = s['dependencies'];
  if (deps !== null && typeof deps === 'object') {
    const entries = Object.entries(deps);
    const req = entries.filter(([, v]) => Array.isArray(v));
    const sch = entries.filter(([, v]) => !Array.isArray(v));
    if (req.length) s['dependentRequired'] = Object.fromEntries(req);
    if (sch.length) s['dependentSchemas'] = Object.fromEntries(sch);
  }
  delete s['dependencies'];
  return s;
}

const MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependentRequired']);

/**
 * Keywords no validator reads (ajv runs without `discriminator`, `useDefaults` or formats for
 * annotations). A node compiled on its own carries them for nothing: Microsoft Graph's base entity
 * holds a discriminator mapping of every entity, 200 kB, inherited by every entity merged with it.
 */
const UNREAD = new Set(['title', 'description', '$comment', 'discriminator', 'examples', 'example', 'default', 'externalDocs', 'xml', 'deprecated', 'readOnly', 'writeOnly']);

/**
 * Deep variant used only for the copies handed to ajv: normalises every object
 * except data keywords, drops `$schema`/`$id` (we validate everything as 2020-12
 * and resolve refs only as JSON pointers), and lets `mapRef` rewrite `$ref`s.
 * `unread: 'drop'` also leaves out what no validator reads: only for a node whose refs all
 * point elsewhere, since a ref may point into an annotation.
 */
export function deepNormalize(value: unknown, mapRef: (ref: string) => string = (r) => r, unread: 'keep' | 'drop' = 'keep'): unknown {
  if (Array.isArray(value)) return value.map((v) => deepNormalize(v, mapRef, unread));
  if (value === null || typeof value !== 'object') return value;
  const s = normalizeNode(value as Schema);
  const out: Schema = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === '$schema' || k === '$id') continue;
    if (unread === 'drop' && (UNREAD.has(k) || k.startsWith('x-'))) continue;
    if (k === '$ref' && typeof v === 'string') out[k] = mapRef(v);
    else if (MAP_KEYWORDS.has(k) && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      // keys of these maps are names, not keywords: a property called "enum" is still a schema
      out[k] = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, deepNormalize(sub, mapRef, unread)]));
    } else out[k] = DATA_KEYWORDS.has(k) ? v : deepNormalize(v, mapRef, unread);
  }
  return out;
}
