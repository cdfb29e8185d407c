import type fc from 'fast-check';
import { boundedFilter } from '../bounded-filter.ts';
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
import { stringCandidates } from './string.ts';

export interface LeafViolation { keyword: string; values: fc.Arbitrary<unknown> }

/**
 * Values for one location that break exactly one keyword of its schema node:
 * candidates are kept when ajv accepts them against the node minus that keyword
 * and rejects them against the node. Keywords with no surviving candidate in a
 * fixed-seed pre-sample are skipped (the violation cannot exist, or is too rare).
 */
export function leafViolations(site: Site, ctx: Ctx): LeafViolation[] {
  const gen: PlainGen = (s: Schema) => {
    try {
      return genPlain(s, ctx, site.depth);
    } catch (e) {
      if (e instanceof SchemaGenerationError) return undefined;
      throw e;
    }
  };
  const s = site.node;
  const candidates: Candidate[] = [
    ...typeCandidates(s),
    ...valueCandidates(s, gen),
    ...numericCandidates(s, gen),
    ...stringCandidates(s, gen),
    ...objectCandidates(s, gen),
    ...arrayCandidates(s, gen),
  ];
  const full = validatorIn(ctx, s);
  if (!full) return [];
  const out: LeafViolation[] = [];
  for (const c of candidates) {
    const relaxed = validatorIn(ctx, c.relaxed);
    if (!relaxed) continue;
    const only = (arb: fc.Arbitrary<unknown>) =>
      boundedFilter(arb, (v) => relaxed(v) === true && full(v) === false, `${site.pointer || '/'}: ${c.keyword}`, { eager: true, poolRuns: 80, poolSize: 12 });
    let values = only(c.values);
    if (!values.isSatisfiable() && c.fallback) {
      const alternative = c.fallback();
      if (alternative) values = only(alternative);
    }
    if (values.isSatisfiable()) out.push({ keyword: c.keyword, values });
  }
  return out;
}
