import { resolveRef, type Ctx } from './context.ts';
import { residualKeywords } from './keywords.ts';
import { mergeSchemas } from './merge.ts';
import { normalizeNode } from './normalize.ts';
import type { JsonSchema, Schema } from './types.ts';

/**
 * Flattens composition into a list of plain alternatives (no $ref/allOf/anyOf/oneOf
 * at the top level): `$ref` is inlined, `allOf` merged, `anyOf`/`oneOf` distributed
 * over their siblings. Any value valid for one alternative is valid for the node,
 * unless `guard` is set — then values must also pass ajv on the original node
 * (oneOf exclusivity, lossy merges, keywords we do not generate natively).
 */
export interface Expansion {
  readonly alts: readonly Schema[];
  readonly guard: boolean;
}

/** Cap on distributed alternatives (anyOf × oneOf × ...): later ones are dropped. */
const MAX_ALTS = 24;
const caches = new WeakMap<Ctx, WeakMap<Schema, Expansion>>();

export function expand(node: JsonSchema, ctx: Ctx): Expansion {
  return expandWith(node, ctx, []).expansion;
}

interface Inner { expansion: Expansion; cut: boolean }

function expandWith(node: JsonSchema, ctx: Ctx, stack: readonly string[]): Inner {
  if (typeof node === 'boolean') return { expansion: { alts: node ? [{}] : [], guard: false }, cut: false };
  const cache = caches.get(ctx) ?? new WeakMap<Schema, Expansion>();
  caches.set(ctx, cache);
  const hit = cache.get(node);
  if (hit) return { expansion: hit, cut: false };
  const inner = expandPlain(normalizeNode(node), ctx, stack);
  // results cut short by a ref cycle depend on the stack: only complete ones are reusable
  if (!inner.cut) cache.set(node, inner.expansion);
  return inner;
}

function expandPlain(s: Schema, ctx: Ctx, stack: readonly string[]): Inner {
  // A node without composition is its own alternative, the very object: what is built for it (a
  // validator above all) is then found again by identity when another body reaches the same node.
  if (!('$ref' in s || 'allOf' in s || 'anyOf' in s || 'oneOf' in s)) return { expansion: { alts: [s], guard: residualKeywords(s).length > 0 }, cut: false };
  const { $ref, allOf, anyOf, oneOf, ...rest } = s;
  let guard = residualKeywords(rest).length > 0;
  let cut = false;
  let parts: Schema[] = [rest];
  const sub = (x: unknown, st: readonly string[]): readonly Schema[] => {
    const r = expandWith(x as JsonSchema, ctx, st);
    guard ||= r.expansion.guard;
    cut ||= r.cut;
    return r.expansion.alts;
  };
  const combine = (alts: readonly Schema[]): void => {
    const next: Schema[] = [];
    for (const p of parts) {
      for (const q of alts) {
        const m = mergeSchemas(p, q);
        if (!m) continue;
        guard ||= m.lossy;
        next.push(m.schema);
      }
    }
    parts = next.slice(0, MAX_ALTS);
  };
  if (typeof $ref === 'string') {
    if (stack.includes($ref)) {
      // `A = anyOf[..., $ref A]` without nesting adds no finite instance: drop that path
      cut = true;
      parts = [];
    } else combine(sub(resolveRef($ref, ctx), [...stack, $ref]));
  }
  if (Array.isArray(allOf)) for (const x of allOf) combine(sub(x, stack));
  if (Array.isArray(anyOf)) combine(anyOf.flatMap((x) => sub(x, stack)));
  if (Array.isArray(oneOf)) {
    combine(oneOf.flatMap((x) => sub(x, stack)));
    guard = true;
  }
  return { expansion: { alts: parts, guard }, cut };
}
