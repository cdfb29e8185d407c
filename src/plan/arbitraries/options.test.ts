import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAjv, loadCorpus } from './test-support.ts';
import { invalidArbitraries, validArbitrary } from './index.ts';

const corpus = new Map(loadCorpus().map((e) => [e.name, e.schema]));
const ajv = createAjv();

/** Longest chain of nested containers in a value. */
function nesting(v: unknown): number {
  if (Array.isArray(v)) return 1 + Math.max(0, ...v.map(nesting));
  if (v !== null && typeof v === 'object') return 1 + Math.max(0, ...Object.values(v).map(nesting));
  return 0;
}

describe('options.root: $refs resolve against a separate document', () => {
  const root = {
    schemas: {
      Order: { type: 'object', properties: { line: { $ref: '#/schemas/Line' } }, required: ['line'], additionalProperties: false },
      Line: { type: 'object', properties: { quantity: { type: 'integer', minimum: 1 } }, required: ['quantity'] },
    },
  };
  const schema = { $ref: '#/schemas/Order' };
  const validate = ajv.compile({ ...root, ...schema });

  it('generates valid instances', () => {
    fc.assert(fc.property(validArbitrary(schema, { root }), (v) => validate(v) === true), { seed: 1, numRuns: 50 });
  });

  it('labels nested violations with JSON pointers', () => {
    const labels = invalidArbitraries(schema, { root }).map((v) => v.label);
    expect(labels).toEqual(expect.arrayContaining(['/: required', '/: additionalProperties', '/line: required', '/line/quantity: minimum', '/line/quantity: type']));
  });
});

describe('options.maxDepth bounds recursion and nesting', () => {
  it.each([0, 1, 2, 4])('tree with maxDepth %i stays shallow and valid', (maxDepth) => {
    const schema = corpus.get('tree')!;
    const validate = ajv.compile(schema);
    const values = fc.sample(validArbitrary(schema, { maxDepth }), { seed: 3, numRuns: 60 });
    for (const v of values) expect(validate(v)).toBe(true);
    // each tree level is an object plus its children array: two containers per level
    expect(Math.max(...values.map(nesting))).toBeLessThanOrEqual(2 * maxDepth + 2);
  });

  it('a required recursive link falls back to its null branch past the bound', () => {
    const values = fc.sample(validArbitrary(corpus.get('linked-list')!, { maxDepth: 2 }), { seed: 4, numRuns: 40 });
    expect(Math.max(...values.map(nesting))).toBeLessThanOrEqual(3);
  });

  it('past the bound optional properties are omitted', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } } };
    expect(fc.sample(validArbitrary(schema, { maxDepth: 0 }), { seed: 1, numRuns: 20 })).toEqual(Array(20).fill({}));
  });
});
