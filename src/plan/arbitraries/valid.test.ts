import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAjv, loadCorpus } from './test-support.ts';
import { validArbitrary } from './valid.ts';

const SEED = 20240611;
const corpus = loadCorpus();
const ajv = createAjv();

/** JSON round trip must be the identity: no undefined, NaN, Infinity, -0 or exotic prototypes. */
function jsonSafe(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every((x) => x !== undefined && jsonSafe(x));
  if (v !== null && typeof v === 'object') return Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every(jsonSafe);
  return v === null || typeof v === 'string' || typeof v === 'boolean';
}

describe('validArbitrary: every generated value is accepted by ajv', () => {
  it('has a corpus of at least 30 schemas', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
  });

  for (const { name, schema } of corpus) {
    it(name, () => {
      const validate = ajv.compile(schema);
      fc.assert(
        fc.property(validArbitrary(schema), (v) => {
          if (!jsonSafe(v)) throw new Error(`not JSON-safe: ${String(v)}`);
          if (!validate(v)) throw new Error(`${JSON.stringify(v)} rejected: ${ajv.errorsText(validate.errors)}`);
        }),
        { seed: SEED, numRuns: 100 },
      );
    });
  }
});

describe('validArbitrary: shrinking stays inside the schema (the planner shrinks failing requests)', () => {
  for (const name of ['order', 'tree', 'min-max-properties', 'password-lookahead', 'oneof-disjoint']) {
    it(name, () => {
      const schema = corpus.find((e) => e.name === name)!.schema;
      const validate = ajv.compile(schema);
      const seen: unknown[] = [];
      // fails on larger values, so fast-check shrinks; every candidate it tries is recorded
      fc.check(fc.property(validArbitrary(schema), (v) => (seen.push(v), JSON.stringify(v).length < 25)), { seed: SEED, numRuns: 50 });
      expect(seen.filter((v) => !validate(v))).toEqual([]);
    });
  }
});

describe('validArbitrary: patterns fast-check cannot fit under maxLength', () => {
  // from AWS MediaConvert's description: fc.stringMatching(re, { maxLength: 13 }) throws on it
  const pattern = '^((s3:\\/\\/(.*?)\\.(bmp|BMP|png|PNG))|(https?:\\/\\/(.*?)\\.(bmp|BMP|png|PNG)(\\?([^&=]+=[^&]+&)*[^&=]+=[^&]+)?))$';
  it('plans instead of throwing, and every value still holds', () => {
    const schema = { type: 'string', pattern, maxLength: 13 };
    const validate = ajv.compile(schema);
    const arb = validArbitrary(schema);
    expect(arb).toBeDefined();
    fc.assert(fc.property(arb!, (v) => validate(v)), { seed: SEED, numRuns: 50 });
  });
});
