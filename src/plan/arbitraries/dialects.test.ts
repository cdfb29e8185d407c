import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SchemaGenerationError, invalidArbitraries, validArbitrary, type JsonSchema } from './index.ts';

const sample = (schema: JsonSchema, numRuns = 200) => fc.sample(validArbitrary(schema), { seed: 11, numRuns });

describe('older dialects are normalised before generation', () => {
  it('draft-4 boolean exclusiveMinimum/exclusiveMaximum', () => {
    const values = sample({ type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: true }) as number[];
    expect(values.every((v) => v > 0 && v < 1)).toBe(true);
    const ints = sample({ type: 'integer', minimum: 5, exclusiveMinimum: false, maximum: 7 }) as number[];
    expect(new Set(ints)).toEqual(new Set([5, 6, 7]));
  });

  it('OpenAPI 3.0 nullable adds null, and only where a type is given', () => {
    const values = sample({ type: 'string', nullable: true, maxLength: 3 });
    expect(values).toContain(null);
    expect(values.every((v) => v === null || (typeof v === 'string' && [...v].length <= 3))).toBe(true);
  });

  it('draft 2019 tuple items + additionalItems: false', () => {
    const values = sample({ type: 'array', items: [{ type: 'boolean' }, { type: 'null' }], additionalItems: false }) as unknown[][];
    expect(values.every((a) => a.length <= 2 && (a.length < 1 || typeof a[0] === 'boolean') && (a.length < 2 || a[1] === null))).toBe(true);
  });
});

describe('decimal multipleOf survives floating point', () => {
  it('every value divides exactly the way ajv checks it', () => {
    for (const m of [0.01, 0.1, 0.05, 0.25, 1.5]) {
      const values = sample({ type: 'number', multipleOf: m, minimum: -50, maximum: 50 }) as number[];
      for (const v of values) expect(v / m).toBe(parseInt(String(v / m), 10));
    }
  });
});

describe('unsupported or broken schemas', () => {
  it('throw a SchemaGenerationError at construction', () => {
    expect(() => validArbitrary(false)).toThrow(SchemaGenerationError);
    expect(() => validArbitrary({ $ref: '#/nowhere' })).toThrow(SchemaGenerationError);
    expect(() => validArbitrary({ type: 'integer', minimum: 10, maximum: 5 })).toThrow(SchemaGenerationError);
    expect(() => validArbitrary({ $ref: 'https://example.com/remote.json' })).toThrow(/non-local/);
  });

  it('keywords without a native generator fall back to filtering, without crashing', () => {
    const schema = { type: 'integer', minimum: 0, maximum: 20, not: { multipleOf: 3 }, if: { minimum: 10 }, then: { multipleOf: 2 } };
    const values = sample(schema) as number[];
    expect(values.every((v) => v % 3 !== 0 && (v < 10 || v % 2 === 0))).toBe(true);
    expect(invalidArbitraries(schema).map((v) => v.label)).toEqual(expect.arrayContaining(['/: minimum', '/: maximum', '/: type']));
  });
});
