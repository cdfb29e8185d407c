import { declaredKeys, isAdditionalKey, itemSchema, propertySchema } from '../children.ts';
import type { Ctx } from '../context.ts';
import { expand, type Expansion } from '../expand.ts';
import { ALL_TYPES, allowsType, declaredTypes, generationTypes } from '../json-types.ts';
import { ANNOTATION_KEYWORDS } from '../keywords.ts';
import { isPlainObject } from '../json.ts';
import { appendPointer } from '../pointer.ts';
import type { JsonSchema, Schema } from '../types.ts';

/** How to reach a location from the root: which container alternative, which key/index. */
export type Step =
  | { kind: 'prop'; key: string; container: Schema; depth: number }
  | { kind: 'index'; index: number; container: Schema; depth: number };

/** A location in the instance plus one plain alternative of the schema that governs it. */
export interface Site {
  pointer: string;
  steps: readonly Step[];
  node: Schema;
  depth: number;
}

/** How often one schema node may repeat along a path: recursion is exercised, not unrolled. */
const MAX_REPEAT = 2;
const MAX_NESTING = 12;
const MAX_ALTS_PER_SITE = 8;

/**
 * The alternatives of a location worth breaking. Where the alternatives are exact (no guard: a value
 * any one of them accepts is one the node accepts, as with `anyOf`), an alternative that asserts
 * nothing but `type` accepts every value of its types: a value breaking another alternative whose
 * types it covers is accepted by it, so nothing beneath that other alternative can be broken, and
 * its `type` is broken by the covering one under the same label. Left out, they no longer cost a
 * budget spent on finding that every draw is valid: Microsoft Graph writes each navigation property
 * as `anyOf: [{$ref: Entity}, {type: object, nullable: true}]`, thousands of them.
 */
export function breakableAlternatives({ alts, guard }: Expansion): Schema[] {
  const tried = alts.slice(0, MAX_ALTS_PER_SITE);
  if (guard) return [...tried];
  const open = alts.filter(assertsOnlyType);
  if (open.length === 0) return [...tried];
  return tried.filter((x) => !open.some((p) => p !== x && covers(p, x) && !(assertsOnlyType(x) && covers(x, p) && alts.indexOf(x) < alts.indexOf(p))));
}

function assertsOnlyType(s: Schema): boolean {
  return Object.keys(s).every((k) => k === 'type' || ANNOTATION_KEYWORDS.has(k) || k.startsWith('x-'));
}

/** Whether every value `x` can accept is of a type `p` lists (no `type`: every type). */
function covers(p: Schema, x: Schema): boolean {
  const mine = declaredTypes(p) ?? ALL_TYPES;
  return (declaredTypes(x) ?? ALL_TYPES).every((t) => allowsType(mine, t));
}

/** Name used for the undeclared property when `additionalProperties` is a schema. */
function extraPropertyName(s: Schema): string {
  let name = 'extraProperty';
  for (let i = 1; !isAdditionalKey(s, name); i++) name = `extraProperty${i}`;
  return name;
}

/**
 * Locations enumerated at most: a document whose components refer to one another unrolls into
 * hundreds of thousands of paths within MAX_NESTING (one real query parameter: 152,000), far more
 * than a planning budget can try, and enumerating them took seconds on its own.
 */
export const MAX_SITES = 4_096;

/** The enumerated locations, and whether deeper ones were left out by MAX_SITES. */
export interface SiteList { sites: Site[]; truncated: boolean }

/**
 * Every location worth breaking: the root, each declared property, the
 * `additionalProperties` slot, each `prefixItems` index and the first `items`
 * index, recursively (ref cycles at most MAX_REPEAT times per path), in the schema's order.
 * Past `limit` locations, only whole depths are kept (the shallowest, which are tried first),
 * found by deepening one level at a time: the same locations in the same order as without a limit.
 */
export function collectSites(schema: JsonSchema, ctx: Ctx, limit = MAX_SITES): SiteList {
  let kept: Site[] = [];
  for (let depth = 0; depth <= MAX_NESTING; depth++) {
    const { sites, deeper } = collectTo(schema, ctx, depth, limit);
    if (sites.length > limit) return { sites: kept, truncated: true };
    kept = sites;
    if (!deeper) return { sites: kept, truncated: false };
  }
  return { sites: kept, truncated: false };
}

/** Locations down to `maxDepth`, stopping once past `limit`; `deeper` says whether any lies below. */
function collectTo(schema: JsonSchema, ctx: Ctx, maxDepth: number, limit: number): { sites: Site[]; deeper: boolean } {
  const sites: Site[] = [];
  let deeper = false;
  const walk = (node: JsonSchema, pointer: string, steps: readonly Step[], depth: number, path: readonly JsonSchema[]): void => {
    if (typeof node === 'boolean' || depth > MAX_NESTING || sites.length > limit) return;
    if (path.filter((n) => n === node).length >= MAX_REPEAT) return;
    if (depth > maxDepth) {
      deeper = true;
      return;
    }
    const onPath = [...path, node];
    for (const alt of breakableAlternatives(expand(node, ctx))) {
      sites.push({ pointer, steps, node: alt, depth });
      const types = generationTypes(alt);
      if (types.includes('object')) {
        const into = (key: string, child: JsonSchema) =>
          walk(child, appendPointer(pointer, key), [...steps, { kind: 'prop', key, container: alt, depth }], depth + 1, onPath);
        for (const key of declaredKeys(alt)) into(key, propertySchema(alt, key));
        const ap = alt['additionalProperties'];
        if (isPlainObject(ap)) {
          const key = extraPropertyName(alt);
          into(key, propertySchema(alt, key));
        }
      }
      if (types.includes('array')) {
        const prefix = Array.isArray(alt['prefixItems']) ? alt['prefixItems'].length : 0;
        const last = isPlainObject(alt['items']) ? prefix : prefix - 1;
        for (let i = 0; i <= last; i++) {
          walk(itemSchema(alt, i), appendPointer(pointer, i), [...steps, { kind: 'index', index: i, container: alt, depth }], depth + 1, onPath);
        }
      }
    }
  };
  walk(schema, '', [], 0, []);
  return { sites, deeper };
}
