import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedFilter } from './bounded-filter.ts';
import { invalidArbitraries, violationSet } from './invalid.ts';
import { withWorkBudget } from './workMeter.ts';
import { createContext } from './context.ts';
import { collectSites } from './violations/sites.ts';

/** A body as wide as real payment APIs': many members, each with a few constraints, some nested. */
const wide = {
  type: 'object',
  required: ['m0', 'm1'],
  additionalProperties: false,
  properties: Object.fromEntries(
    Array.from({ length: 30 }, (_, i) => [`m${i}`, i % 5 === 0 ? { type: 'object', properties: { inner: { type: 'integer', minimum: 1 } }, required: ['inner'] } : { type: 'string', maxLength: 8, minLength: 1 }]),
  ),
};

describe('bounded planning', () => {
  it('builds a filter pool on demand, resuming where the satisfiability probe stopped', () => {
    let draws = 0;
    const counted = fc.integer({ min: 0, max: 1000 }).map((n) => (draws++, n));
    const even = boundedFilter(counted, (n) => n % 2 === 0, 'even', { eager: true, poolRuns: 200, poolSize: 20 });
    const probed = draws;
    expect(probed).toBeLessThan(10);
    expect(even.isSatisfiable()).toBe(true);
    expect(draws).toBe(probed);
    // A predicate that rejects every fresh draw forces the pool: same values whichever way it was reached.
    const never = (seed: number) => fc.sample(boundedFilter(fc.integer(), (n) => n === 7 || n === 8, 'rare', { tries: 1, poolRuns: 5 }), { seed, numRuns: 3 });
    expect(() => never(1)).toThrow(/rare/);
  });

  it('keeps a schema under the cap exactly as it was: same violations, same order', () => {
    const all = invalidArbitraries(wide).map((v) => v.label);
    const set = violationSet(wide, { maxViolations: all.length });
    expect(set.violations.map((v) => v.label)).toEqual(all);
    expect(set.capped).toBe(false);
  });

  it('caps the violations, shallowest first, and says how many locations were not tried', () => {
    const all = invalidArbitraries(wide);
    const set = violationSet(wide, { maxViolations: 10 });
    expect(set.violations).toHaveLength(10);
    expect(set.capped).toBe(true);
    expect(set.untried).toBeGreaterThan(0);
    expect(set.violations.every((v) => v.pointer.split('/').length <= 2)).toBe(true);
    expect(all.some((v) => v.pointer.split('/').length > 2)).toBe(true);
  });

  it('stops at a spent work budget, at the same place every time', () => {
    const run = () => withWorkBudget(40, () => violationSet(wide));
    const a = run();
    expect(a.exhausted).toBe(true);
    expect(a.result.budgetSpent).toBe(true);
    expect(a.result.violations.length).toBeLessThan(invalidArbitraries(wide).length);
    expect(run().result.violations.map((v) => v.label)).toEqual(a.result.violations.map((v) => v.label));
  });
});

describe('bounds too large to break', () => {
  // AWS documents write "no limit" as maxLength 2147483647: breaking it would build a 2 GB string.
  const unlimited = {
    type: 'object',
    properties: {
      note: { type: 'string', pattern: '.*', minLength: 0, maxLength: 2147483647 },
      tags: { type: 'array', items: { type: 'string' }, maxItems: 2147483647 },
      meta: { type: 'object', maxProperties: 2147483647 },
      short: { type: 'string', maxLength: 65535 },
    },
  };

  it('are not broken, while a bound under 65,536 still is', () => {
    const labels = invalidArbitraries(unlimited).map((v) => v.label);
    expect(labels).not.toContain('/note: maxLength');
    expect(labels).not.toContain('/tags: maxItems');
    expect(labels).not.toContain('/meta: maxProperties');
    expect(labels).toContain('/short: maxLength');
    expect(labels).toContain('/note: type');
  });
});

describe('collectSites: locations enumerated a depth at a time, up to a limit', () => {
  // components that refer to one another: the paths multiply with each level
  const root = {
    $defs: {
      a: { type: 'object', properties: { b: { $ref: '#/$defs/b' }, c: { $ref: '#/$defs/c' }, n: { type: 'string', maxLength: 2 } } },
      b: { type: 'object', properties: { a: { $ref: '#/$defs/a' }, c: { $ref: '#/$defs/c' }, m: { type: 'integer', minimum: 0 } } },
      c: { type: 'object', properties: { a: { $ref: '#/$defs/a' }, b: { $ref: '#/$defs/b' }, items: { type: 'array', items: { $ref: '#/$defs/a' } } } },
    },
    $ref: '#/$defs/a',
  };
  const pointers = (limit?: number) => {
    const { sites, truncated } = collectSites(root, createContext(root), limit);
    return { pointers: sites.map((s) => `${s.depth} ${s.pointer}`), truncated };
  };

  it('keeps whole depths, the shallowest, in the order of the unlimited enumeration', () => {
    const all = pointers(Infinity);
    expect(all.truncated).toBe(false);
    expect(all.pointers.length).toBeGreaterThan(300);
    const limited = pointers(100);
    expect(limited.truncated).toBe(true);
    expect(limited.pointers.length).toBeLessThanOrEqual(100);
    const deepest = Math.max(...limited.pointers.map((p) => Number(p.split(' ')[0])));
    expect(limited.pointers).toEqual(all.pointers.filter((p) => Number(p.split(' ')[0]) <= deepest));
    expect(all.pointers.some((p) => Number(p.split(' ')[0]) === deepest + 1)).toBe(true);
  });

  it('says when deeper locations were left out, and a violation set says so as capped', () => {
    expect(pointers().truncated).toBe(true);
    const { result } = withWorkBudget(100_000, () => violationSet(root, { maxViolations: 5 }));
    expect(result.truncated).toBe(true);
    expect(result.capped).toBe(true);
    const small = { type: 'object', properties: { n: { type: 'string', maxLength: 2 } } };
    expect(collectSites(small, createContext(small)).truncated).toBe(false);
    expect(violationSet(small).truncated).toBe(false);
  });
});
