import type fc from 'fast-check';
import { boundedFilter } from '../bounded-filter.ts';
import type { Validator } from '../ajv.ts';
import { validatorIn, type Ctx } from '../context.ts';
import { SchemaGenerationError } from '../errors.ts';
import { genPlain } from '../generate.ts';
import type { Schema } from '../types.ts';
import { arrayCandidates } from './array.ts';
import type { Candidate, PlainGen } from './candidate.ts';
import { typeCandidates, valueCandidates } from './generic.ts';
import { numericCandidates } from './numeric.ts';
import { objectCandidates } from './object.ts';
import type { Site } from './sites.ts';
import { WorkBudgetSpent, withWorkBudget, workExhausted } from '../workMeter.ts';
import { stringCandidates } from './string.ts';

/**
 * Draws one keyword's violation may cost to find (a fifth of a body's budget, src/plan/inputs.ts):
 * breaking `maxItems: 10000` of a unique array draws 10,001 distinct items, which a generator
 * weighted towards small values rarely gives; past this the keyword is not broken and the body's
 * other locations still are.
 */
export const CANDIDATE_WORK_BUDGET = 500;

export interface LeafViolation { keyword: string; values: fc.Arbitrary<unknown> }

/**
 * Values for one location that break exactly one keyword of its schema node:
 * candidates are kept when ajv accepts them against the node minus that keyword
 * and rejects them against the node. Keywords with no surviving candidate in a
 * fixed-seed pre-sample are skipped (the violation cannot exist, or is too rare); those whose
 * search ran out of its work budget are reported through `onCostly`.
 */
export function leafViolations(site: Site, ctx: Ctx, onCostly: (keyword: string) => void = () => {}): LeafViolation[] {
  const genAt = (depth: number): PlainGen => (s: Schema) => {
    try {
      return genPlain(s, ctx, depth);
    } catch (e) {
      if (e instanceof SchemaGenerationError) return undefined;
      throw e;
    }
  };
  const gen = genAt(site.depth);
  const s = site.node;
  const candidates: Candidate[] = [
    ...typeCandidates(s),
    ...valueCandidates(s, gen),
    ...numericCandidates(s, gen),
    ...stringCandidates(s, gen),
    ...objectCandidates(s, gen, genAt(ctx.maxDepth)),
    ...arrayCandidates(s, gen),
  ];
  const full = validatorIn(ctx, s);
  if (!full) return [];
  // unevaluated* read what the other keywords evaluated, so removing one keyword changes another's verdict
  const independent = !('unevaluatedProperties' in s || 'unevaluatedItems' in s);
  const out: LeafViolation[] = [];
  for (const c of candidates) {
    let relaxed: Validator | undefined | null = null;
    const relaxedAccepts = (v: unknown) => {
      if (relaxed === null) relaxed = validatorIn(ctx, c.relaxed);
      return relaxed !== undefined && relaxed(v) === true;
    };
    const breaksOnlyKeyword = (v: unknown) => {
      if (full(v) === true) return false;
      const read = independent ? onlyKeywordFailed(full.errors, c.keyword, s) : undefined;
      return read ?? relaxedAccepts(v);
    };
    const only = (arb: fc.Arbitrary<unknown>) =>
      boundedFilter(arb, breaksOnlyKeyword, `${site.pointer || '/'}: ${c.keyword}`, { eager: true, poolRuns: 80, poolSize: 12 });
    if (workExhausted()) break;
    const found = withWorkBudget(CANDIDATE_WORK_BUDGET, () => {
      try {
        let values = only(c.values);
        if (!values.isSatisfiable() && c.fallback) {
          const alternative = c.fallback();
          if (alternative) values = only(alternative);
        }
        return values.isSatisfiable() ? values : undefined;
      } catch (e) {
        // this keyword's own budget: the violation is too costly to find, the others are still tried
        if (e instanceof WorkBudgetSpent) return null;
        throw e;
      }
    }).result;
    if (found) out.push({ keyword: c.keyword, values: found });
    else if (found === null) onCostly(c.keyword);
  }
  return out;
}

/**
 * Whether a value the node rejected fails `keyword` alone, read from the node's own errors: the
 * shared ajv reports every failing keyword (allErrors), and each keyword is judged apart from the
 * others, so "only K failed" is "the node minus K accepts it". Compiling that relaxed node for each
 * candidate was most of a wide document's planning time.
 *
 * An error at the node's own location says where it arose by its schema path: `#/K…` is K's, `#/other…`
 * another keyword's. An error deeper down is attributed by the member it lies in (a declared property
 * is `properties`', any other `additionalProperties`', an index `prefixItems`' or `items`'), not by its
 * schema path: inside a `$ref` target that path starts again from the target (`#/maxItems` of an item
 * schema). Where the node cannot say (patternProperties, a path outside the node), `undefined`, and the
 * caller compiles the relaxed node after all.
 */
export function onlyKeywordFailed(errors: Validator['errors'], keyword: string, node: Schema): boolean | undefined {
  if (!errors || errors.length === 0) return undefined;
  const own = `#/${keyword}`;
  let unknown = false;
  for (const e of errors) {
    const owner = e.instancePath === '' ? ownKeyword(e.schemaPath) : memberOwner(node, e.instancePath);
    if (owner === keyword) continue;
    if (owner !== undefined) return false;
    unknown = true;
  }
  return unknown ? undefined : true;

  function ownKeyword(path: string): string | undefined {
    if (path === own || path.startsWith(`${own}/`)) return keyword;
    return path.startsWith('#/') ? path.slice(2).split('/')[0] : undefined;
  }
}

/** The keyword of `node` whose subschema judges the member that `instancePath` (below the node) starts with. */
function memberOwner(node: Schema, instancePath: string): string | undefined {
  const segment = instancePath.slice(1).split('/')[0]!.replace(/~1/g, '/').replace(/~0/g, '~');
  if ('patternProperties' in node) return undefined;
  const declared = node['properties'];
  if (declared !== null && typeof declared === 'object' && Object.hasOwn(declared, segment)) return 'properties';
  if (/^(0|[1-9]\d*)$/.test(segment) && ('items' in node || 'prefixItems' in node) && !('contains' in node)) {
    const prefix = Array.isArray(node['prefixItems']) ? node['prefixItems'].length : 0;
    return Number(segment) < prefix ? 'prefixItems' : 'items';
  }
  return 'additionalProperties' in node ? 'additionalProperties' : undefined;
}
