import fc from 'fast-check';
import { boundedFilter } from './bounded-filter.ts';
import { createContext, validatorIn, type Ctx } from './context.ts';
import { SchemaGenerationError } from './errors.ts';
import type { ArbitraryOptions, JsonSchema } from './types.ts';
import { embed } from './violations/embed.ts';
import { leafViolations } from './violations/leaf.ts';
import { collectSites, type Site } from './violations/sites.ts';

/**
 * One constraint to break. `pointer` is the JSON pointer of the instance location
 * ajv reports the error at ("" for the root): for `required`,
 * `additionalProperties`, `minProperties`, `minItems`, `uniqueItems`, ... that is
 * the object/array itself, for `type`, `minimum`, `pattern`, ... the value.
 */
export interface Violation {
  pointer: string;
  keyword: string;
  /** `${pointer || '/'}: ${keyword}`, e.g. "/quantity: minimum"; unique within one result. */
  label: string;
  arbitrary: fc.Arbitrary<unknown>;
}

/**
 * Instances that are valid except for one keyword at one location. Every value
 * is rejected by ajv on the whole schema with that keyword reported at
 * `pointer` (filtered, so oneOf/anyOf alternatives cannot make it valid again).
 * Alternatives (oneOf/anyOf branches) breaking the same keyword at the same
 * pointer share one Violation. Violations that could not be produced in a
 * fixed-seed pre-sample are left out.
 */
export function invalidArbitraries(schema: JsonSchema, options?: ArbitraryOptions): Violation[] {
  const ctx = createContext(schema, options);
  const validate = validatorIn(ctx, schema);
  if (!validate) return [];
  const grouped = new Map<string, { pointer: string; keyword: string; arbs: Array<fc.Arbitrary<unknown>> }>();
  for (const site of collectSites(schema, ctx)) {
    for (const leaf of leafViolations(site, ctx)) {
      const label = `${site.pointer || '/'}: ${leaf.keyword}`;
      const group = grouped.get(label) ?? { pointer: site.pointer, keyword: leaf.keyword, arbs: [] };
      const whole = tryEmbed(site, leaf.values, ctx);
      if (!whole) continue;
      group.arbs.push(whole);
      grouped.set(label, group);
    }
  }
  const out: Violation[] = [];
  for (const [label, { pointer, keyword, arbs }] of grouped) {
    const whole = arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
    const rejected = (v: unknown) =>
      validate(v) === false && (validate.errors ?? []).some((e) => e.keyword === keyword && e.instancePath === pointer);
    const arbitrary = boundedFilter(whole, rejected, label, { eager: true, poolRuns: 30, poolSize: 10 });
    if (arbitrary.isSatisfiable()) out.push({ pointer, keyword, label, arbitrary });
  }
  return out;
}

/** A container on the path that cannot hold the forced key/index just means no such violation. */
function tryEmbed(site: Site, leaf: fc.Arbitrary<unknown>, ctx: Ctx): fc.Arbitrary<unknown> | undefined {
  try {
    return embed(site, leaf, ctx);
  } catch (e) {
    if (e instanceof SchemaGenerationError) return undefined;
    throw e;
  }
}
