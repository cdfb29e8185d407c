import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidArbitraries } from './invalid.ts';
import { loadCorpus } from './test-support.ts';
import { validArbitrary } from './valid.ts';

const corpus = new Map(loadCorpus().map((e) => [e.name, e.schema]));
const schema = (name: string) => corpus.get(name)!;

describe('determinism: a fast-check seed fixes every value, faker-backed ones included', () => {
  for (const name of ['formats', 'order', 'user-registration', 'tree', 'property-names']) {
    it(`${name}: same seed, same values; other seed, other values`, () => {
      // fresh arbitraries each time: nothing may leak between constructions either
      const a = fc.sample(validArbitrary(schema(name)), { seed: 99, numRuns: 25 });
      const b = fc.sample(validArbitrary(schema(name)), { seed: 99, numRuns: 25 });
      const c = fc.sample(validArbitrary(schema(name)), { seed: 100, numRuns: 25 });
      expect(b).toEqual(a);
      expect(c).not.toEqual(a);
    });
  }

  it('faker formats vary with the seed (not a constant per format)', () => {
    const emails = fc.sample(validArbitrary({ type: 'string', format: 'email' }), { seed: 5, numRuns: 30 });
    expect(new Set(emails).size).toBeGreaterThan(20);
  });

  it('violations are reproducible too', () => {
    const draw = (seed: number) => invalidArbitraries(schema('user-registration')).map((v) => [v.label, fc.sample(v.arbitrary, { seed, numRuns: 3 })]);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(8)).not.toEqual(draw(7));
  });
});
