import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext } from '../context.ts';
import { genPlain } from '../generate.ts';
import { createAjv } from '../test-support.ts';
import type { Schema } from '../types.ts';
import { numericCandidates } from './numeric.ts';

const ajv = createAjv();
const MIN = -(2 ** 31);
const MAX = 2 ** 31 - 1;

function candidatesOf(s: Schema) {
  const ctx = createContext(s, {});
  return numericCandidates(s, (x) => genPlain(x, ctx, 0));
}

describe('numericCandidates of an int32', () => {
  it('offer no bound that only values outside int32 break, and every other bound', () => {
    const full = { type: 'integer', format: 'int32', minimum: MIN, maximum: MAX };
    expect(candidatesOf(full).map((c) => c.keyword)).toEqual([]);
    const exclusive = { type: 'integer', format: 'int32', exclusiveMinimum: MIN, exclusiveMaximum: MAX };
    expect(candidatesOf(exclusive).map((c) => c.keyword).sort()).toEqual(['exclusiveMaximum', 'exclusiveMinimum']);
    expect(candidatesOf({ type: 'integer', format: 'int32', minimum: 0, maximum: 100 }).map((c) => c.keyword).sort()).toEqual(['maximum', 'minimum']);
    expect(candidatesOf({ type: 'integer', format: 'int64', minimum: MIN, maximum: MAX }).map((c) => c.keyword).sort()).toEqual(['maximum', 'minimum']);
  });

  it('each bound offered is broken alone by some value drawn for it', () => {
    fc.assert(
      fc.property(fc.constantFrom(MIN, MIN + 1, -5, 0, MAX - 1, MAX), fc.constantFrom('minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum'), (bound, keyword) => {
        const node = { type: 'integer', format: 'int32', [keyword]: bound };
        const full = ajv.compile(node);
        const relaxed = ajv.compile({ type: 'integer', format: 'int32' });
        const [candidate] = candidatesOf(node);
        const drawn = candidate ? fc.sample(candidate.values, { seed: 2, numRuns: 200 }) : [];
        const alone = drawn.filter((v) => !full(v) && relaxed(v));
        // offered exactly when a value breaking only this bound exists
        const exists = keyword === 'minimum' ? bound > MIN : keyword === 'exclusiveMinimum' ? bound >= MIN : keyword === 'maximum' ? bound < MAX : bound <= MAX;
        expect(alone.length > 0).toBe(exists);
      }),
      { seed: 5, numRuns: 60 },
    );
  });
});
