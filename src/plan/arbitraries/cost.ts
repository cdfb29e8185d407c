import { itemSchema, propertySchema, requiredKeys } from './children.ts';
import type { Ctx } from './context.ts';
import { expand } from './expand.ts';
import { generationTypes, type JsonType } from './json-types.ts';
import type { JsonSchema, Schema } from './types.ts';

/**
 * Nesting depth of the smallest instance of a schema (0 = a scalar or empty
 * container, Infinity = only infinite instances). Past `maxDepth` the generators
 * keep only the cheapest alternatives/types, which is how a recursive schema
 * "chooses the non-recursive branch" and terminates.
 */
interface Result { cost: number; cyclic: boolean }
const memo = new WeakMap<Ctx, WeakMap<object, number>>();

export function plainCost(s: Schema, ctx: Ctx): number {
  return plainResult(s, ctx, new Set()).cost;
}

export function typeCost(s: Schema, t: JsonType, ctx: Ctx): number {
  return typeResult(s, t, ctx, new Set()).cost;
}

function costOf(node: JsonSchema, ctx: Ctx, visiting: Set<object>): Result {
  if (typeof node === 'boolean') return { cost: node ? 0 : Infinity, cyclic: false };
  const cache = memo.get(ctx) ?? new WeakMap<object, number>();
  memo.set(ctx, cache);
  const hit = cache.get(node);
  if (hit !== undefined) return { cost: hit, cyclic: false };
  if (visiting.has(node)) return { cost: Infinity, cyclic: true };
  visiting.add(node);
  let best: Result = { cost: Infinity, cyclic: false };
  for (const alt of expand(node, ctx).alts) {
    const r = plainResult(alt, ctx, visiting);
    best = { cost: Math.min(best.cost, r.cost), cyclic: best.cyclic || r.cyclic };
  }
  visiting.delete(node);
  // a value computed while cut off by a cycle may be too pessimistic: do not keep it
  if (!best.cyclic) cache.set(node, best.cost);
  return best;
}

function plainResult(s: Schema, ctx: Ctx, visiting: Set<object>): Result {
  if ('const' in s || Array.isArray(s['enum'])) return { cost: 0, cyclic: false };
  let best: Result = { cost: Infinity, cyclic: false };
  for (const t of generationTypes(s)) {
    const r = typeResult(s, t, ctx, visiting);
    best = { cost: Math.min(best.cost, r.cost), cyclic: best.cyclic || r.cyclic };
    if (best.cost === 0) break;
  }
  return best;
}

function typeResult(s: Schema, t: JsonType, ctx: Ctx, visiting: Set<object>): Result {
  let children: JsonSchema[] = [];
  if (t === 'object') children = requiredKeys(s).map((k) => propertySchema(s, k));
  else if (t === 'array') {
    const min = typeof s['minItems'] === 'number' ? s['minItems'] : 0;
    children = Array.from({ length: Math.min(min, 8) }, (_, i) => itemSchema(s, i));
  }
  if (children.length === 0) return { cost: 0, cyclic: false };
  let worst: Result = { cost: 0, cyclic: false };
  for (const c of children) {
    const r = costOf(c, ctx, visiting);
    worst = { cost: Math.max(worst.cost, r.cost), cyclic: worst.cyclic || r.cyclic };
  }
  return { cost: worst.cost + 1, cyclic: worst.cyclic };
}
