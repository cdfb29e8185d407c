import fc from 'fast-check';
import { requiredKeys } from '../children.ts';
import type { Ctx } from '../context.ts';
import { genPlain } from '../generate.ts';
import { objectFromEntries } from '../json.ts';
import type { Schema } from '../types.ts';
import type { Site } from './sites.ts';

/**
 * Places a leaf value at the site's location inside an otherwise valid instance:
 * each container on the path is generated from its own alternative with the
 * next key forced present (or the array long enough), then the slot is replaced.
 * Containers are generated as past the depth bound, holding only what they require: the instance
 * breaks one constraint and carries nothing the schema does not ask for, and drawing every optional
 * member of every container on the path (entities of hundreds of members, in Microsoft Graph) was
 * most of the planning time of the widest documents.
 */
export function embed(site: Site, leaf: fc.Arbitrary<unknown>, ctx: Ctx): fc.Arbitrary<unknown> {
  const minimal = ctx.maxDepth;
  let arb = leaf;
  for (let i = site.steps.length - 1; i >= 0; i--) {
    const step = site.steps[i]!;
    if (step.kind === 'prop') {
      const forced: Schema = { ...step.container, type: 'object', required: [...new Set([...requiredKeys(step.container), step.key])] };
      const key = step.key;
      arb = fc.tuple(genPlain(forced, ctx, minimal), arb).map(([o, v]) => {
        const entries = Object.entries(o as Record<string, unknown>);
        return objectFromEntries(entries.some(([k]) => k === key) ? entries.map(([k, x]) => [k, k === key ? v : x] as const) : [...entries, [key, v]]);
      });
    } else {
      const minItems = typeof step.container['minItems'] === 'number' ? step.container['minItems'] : 0;
      const forced: Schema = { ...step.container, type: 'array', minItems: Math.max(minItems, step.index + 1) };
      const index = step.index;
      arb = fc.tuple(genPlain(forced, ctx, minimal), arb).map(([a, v]) => (a as unknown[]).map((x, j) => (j === index ? v : x)));
    }
  }
  return arb;
}
