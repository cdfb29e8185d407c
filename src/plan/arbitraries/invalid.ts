import fc from 'fast-check';
import { boundedFilter } from './bounded-filter.ts';
import { createContext, validatorIn, type Ctx } from './context.ts';
import { SchemaGenerationError } from './errors.ts';
import type { ArbitraryOptions, JsonSchema } from './types.ts';
import { embed } from './violations/embed.ts';
import { leafViolations } from './violations/leaf.ts';
import { collectSites, type Site } from './violations/sites.ts';
import { WorkBudgetSpent, workExhausted } from './workMeter.ts';

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

export interface ViolationOptions extends ArbitraryOptions {
  /** Keep at most this many violations (default: all). Shallower locations are kept first. */
  maxViolations?: number;
}

/** Violations, and what was left out: locations past the cap, or past a spent work budget (workMeter.ts). */
export interface ViolationSet {
  violations: Violation[];
  /** Locations of the schema whose constraints were not tried because the cap or the budget was reached. */
  untried: number;
  /** Locations deeper than those counted were not even enumerated (collectSites' MAX_SITES). */
  truncated: boolean;
  capped: boolean;
  budgetSpent: boolean;
  /** Labels (`/pointer: keyword`) of violations given up because finding one cost more than a keyword's budget. */
  costly: string[];
}

/**
 * Instances that are valid except for one keyword at one location. Every value
 * is rejected by ajv on the whole schema with that keyword reported at
 * `pointer` (filtered, so oneOf/anyOf alternatives cannot make it valid again).
 * Alternatives (oneOf/anyOf branches) breaking the same keyword at the same
 * pointer share one Violation. Violations that could not be produced in a
 * fixed-seed pre-sample are left out.
 */
export function invalidArbitraries(schema: JsonSchema, options?: ViolationOptions): Violation[] {
  return violationSet(schema, options).violations;
}

/**
 * As invalidArbitraries, bounded: locations are tried shallowest first (a wide body's top-level
 * members before the members of its members), and trying stops at `maxViolations` or when the
 * running work budget is spent. The result keeps the schema's own order, so a schema under the
 * cap gives exactly the violations, in exactly the order, it gave before there was a cap.
 */
export function violationSet(schema: JsonSchema, options: ViolationOptions = {}): ViolationSet {
  const ctx = createContext(schema, options);
  const validate = validatorIn(ctx, schema);
  if (!validate) return { violations: [], untried: 0, truncated: false, capped: false, budgetSpent: false, costly: [] };
  const cap = options.maxViolations ?? Infinity;
  const byPointer = new Map<string, Array<{ site: Site; index: number }>>();
  const { sites: collected, truncated } = collectSites(schema, ctx);
  collected.forEach((site, index) => {
    const list = byPointer.get(site.pointer) ?? [];
    list.push({ site, index });
    byPointer.set(site.pointer, list);
  });
  // Stable: within one depth, the schema's order.
  const pointers = [...byPointer.entries()].sort(([, a], [, b]) => a[0]!.site.depth - b[0]!.site.depth);
  const kept: Array<{ order: number; violation: Violation }> = [];
  let tried = 0;
  let budgetSpent = false;
  const costly: string[] = [];
  for (const [pointer, sites] of pointers) {
    if (kept.length >= cap) break;
    if (workExhausted()) {
      budgetSpent = true;
      break;
    }
    try {
      kept.push(...violationsAt(pointer, sites, validate, ctx, costly));
    } catch (e) {
      // Spent inside one location (a pattern its generator rarely meets, filtered again around it):
      // that location's violations are dropped whole, so no half-checked violation is kept.
      if (!(e instanceof WorkBudgetSpent)) throw e;
      budgetSpent = true;
      break;
    }
    tried++;
  }
  const untried = pointers.length - tried;
  const capped = kept.length > cap || ((untried > 0 || truncated) && !budgetSpent);
  const violations = kept.slice(0, cap).sort((a, b) => a.order - b.order).map((k) => k.violation);
  return { violations, untried, truncated, capped, budgetSpent, costly };
}

/** Every violation at one location, each with its place in the schema's order (site, then leaf). */
function violationsAt(pointer: string, sites: Array<{ site: Site; index: number }>, validate: NonNullable<ReturnType<typeof validatorIn>>, ctx: Ctx, costly: string[]) {
  const grouped = new Map<string, { keyword: string; order: number; arbs: Array<fc.Arbitrary<unknown>> }>();
  for (const { site, index } of sites) {
    const noteCostly = (keyword: string) => {
      const label = `${pointer || '/'}: ${keyword}`;
      if (!costly.includes(label)) costly.push(label);
    };
    leafViolations(site, ctx, noteCostly).forEach((leaf, leafIndex) => {
      const label = `${pointer || '/'}: ${leaf.keyword}`;
      const whole = tryEmbed(site, leaf.values, ctx);
      if (!whole) return;
      const group = grouped.get(label) ?? { keyword: leaf.keyword, order: index * 1000 + leafIndex, arbs: [] };
      group.arbs.push(whole);
      grouped.set(label, group);
    });
  }
  const out: Array<{ order: number; violation: Violation }> = [];
  for (const [label, { keyword, order, arbs }] of grouped) {
    const whole = arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
    const rejected = (v: unknown) =>
      validate(v) === false && (validate.errors ?? []).some((e) => e.keyword === keyword && e.instancePath === pointer);
    const arbitrary = boundedFilter(whole, rejected, label, { eager: true, poolRuns: 30, poolSize: 10 });
    if (arbitrary.isSatisfiable()) out.push({ order, violation: { pointer, keyword, label, arbitrary } });
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
