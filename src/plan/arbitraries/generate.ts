import fc from 'fast-check';
import { arrayArbitrary } from './arrays.ts';
import { boundedFilter } from './bounded-filter.ts';
import { nodeId, validatorIn, type Ctx } from './context.ts';
import { plainCost, typeCost } from './cost.ts';
import { SchemaGenerationError } from './errors.ts';
import { expand } from './expand.ts';
import { generationTypes, type JsonType } from './json-types.ts';
import { anyJsonArbitrary, canonicalJson } from './json.ts';
import { numberArbitrary } from './numbers.ts';
import { objectArbitrary } from './objects.ts';
import { stringArbitrary } from './strings.ts';
import type { JsonSchema, Schema } from './types.ts';

/**
 * Core dispatcher: schema node → arbitrary of valid instances at nesting `depth`.
 * Composition is flattened by `expand`; each plain alternative is generated per
 * JSON type; a node whose expansion is not exact gets an ajv guard. Memoised per
 * (node, min(depth, maxDepth)) so recursive schemas build a finite graph.
 */
export function gen(node: JsonSchema, ctx: Ctx, depth: number): fc.Arbitrary<unknown> {
  const d = Math.min(depth, ctx.maxDepth);
  const perNode = ctx.memo.get(node) ?? new Map<number, fc.Arbitrary<unknown>>();
  ctx.memo.set(node, perNode);
  const hit = perNode.get(d);
  if (hit) return hit;
  const key = `${nodeId(ctx, node)}@${d}`;
  if (ctx.building.has(key)) throw new SchemaGenerationError('schema has no finite instance within the depth bound (required recursion)');
  ctx.building.add(key);
  try {
    const arb = build(node, ctx, depth);
    perNode.set(d, arb);
    return arb;
  } finally {
    ctx.building.delete(key);
  }
}

function build(node: JsonSchema, ctx: Ctx, depth: number): fc.Arbitrary<unknown> {
  const capped = depth >= ctx.maxDepth;
  if (node === true) return anyJsonArbitrary(capped);
  if (node === false) throw new SchemaGenerationError('schema `false` admits no value');
  const { alts, guard } = expand(node, ctx);
  let chosen = alts;
  if (capped && alts.length > 1) {
    // past the bound, keep the branches that need the least further nesting
    const costs = alts.map((a) => plainCost(a, ctx));
    const best = Math.min(...costs);
    chosen = alts.filter((_, i) => costs[i] === best);
  }
  const arbs = chosen.map((a) => tryPlain(a, ctx, depth)).filter((a): a is fc.Arbitrary<unknown> => a !== undefined);
  if (arbs.length === 0) throw new SchemaGenerationError(`no satisfiable alternative for schema ${brief(node)}`);
  const arb = arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
  const validate = guard ? validatorIn(ctx, node) : undefined;
  return validate ? boundedFilter(arb, (v) => validate(v) === true, `schema ${brief(node)}`) : arb;
}

function tryPlain(s: Schema, ctx: Ctx, depth: number): fc.Arbitrary<unknown> | undefined {
  try {
    return genPlain(s, ctx, depth);
  } catch (e) {
    if (e instanceof SchemaGenerationError) return undefined;
    throw e;
  }
}

/** A plain alternative (no composition at top level). Throws when it admits nothing. */
export function genPlain(s: Schema, ctx: Ctx, depth: number): fc.Arbitrary<unknown> {
  const capped = depth >= ctx.maxDepth;
  if ('const' in s || Array.isArray(s['enum'])) return fromValues(s, ctx);
  let types = generationTypes(s);
  if (capped && types.length > 1) {
    const costs = types.map((t) => typeCost(s, t, ctx));
    const best = Math.min(...costs);
    types = types.filter((_, i) => costs[i] === best);
  }
  const child = (n: JsonSchema, dd: number) => gen(n, ctx, dd);
  const arbs = types.map((t) => typeArbitrary(t, s, depth, capped, child)).filter((a): a is fc.Arbitrary<unknown> => a !== undefined);
  if (arbs.length === 0) throw new SchemaGenerationError(`unsatisfiable schema ${brief(s)}`);
  return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
}

function typeArbitrary(t: JsonType, s: Schema, depth: number, capped: boolean, child: (n: JsonSchema, d: number) => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> | undefined {
  switch (t) {
    case 'null': return fc.constant(null);
    case 'boolean': return fc.boolean();
    case 'integer': return numberArbitrary(s, true);
    case 'number': return numberArbitrary(s, false);
    case 'string': return stringArbitrary(s);
    case 'array': return arrayArbitrary(s, depth, capped, child);
    case 'object': return objectArbitrary(s, depth, capped, child);
  }
}

/** enum/const: the listed values that also satisfy the node's other keywords. */
function fromValues(s: Schema, ctx: Ctx): fc.Arbitrary<unknown> {
  const values = 'const' in s ? [s['const']] : (s['enum'] as unknown[]);
  const validate = Object.keys(s).some((k) => k !== 'enum' && k !== 'const') ? validatorIn(ctx, s) : undefined;
  const ok = values.filter((v) => !validate || validate(v) === true);
  if (ok.length === 0) throw new SchemaGenerationError(`no enum/const value satisfies ${brief(s)}`);
  return fc.constantFrom(...ok).map((v) => structuredClone(v));
}

function brief(node: JsonSchema): string {
  const text = canonicalJson(node);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
