import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../test-support.ts';
import { onlyKeywordFailed } from './leaf.ts';

const ajv = createAjv({ inlineRefs: false });
ajv.addSchema({ $defs: { short: { type: 'string', maxLength: 2 }, pair: { type: 'array', maxItems: 2 } } }, 'urn:api-harden:test:defs');

/** One keyword of a plain node, with the values that exercise it. */
const keyword = fc.oneof(
  fc.constantFrom<[string, unknown]>(['type', 'string'], ['type', 'integer'], ['type', 'object'], ['type', 'array'], ['type', ['string', 'null']]),
  fc.constantFrom<[string, unknown]>(['minLength', 2], ['maxLength', 3], ['pattern', '^[a-z]+$'], ['format', 'email'], ['format', 'date']),
  fc.constantFrom<[string, unknown]>(['minimum', 0], ['maximum', 10], ['exclusiveMinimum', 1], ['multipleOf', 3]),
  fc.constantFrom<[string, unknown]>(['enum', ['a', 1, null]], ['const', 'a']),
  fc.constantFrom<[string, unknown]>(['required', ['a']], ['minProperties', 1], ['maxProperties', 2], ['additionalProperties', false], ['additionalProperties', { type: 'integer' }]),
  fc.constantFrom<[string, unknown]>(['properties', { a: { type: 'string' }, b: { $ref: 'urn:api-harden:test:defs#/$defs/short' } }]),
  fc.constantFrom<[string, unknown]>(['items', { type: 'integer' }], ['items', { $ref: 'urn:api-harden:test:defs#/$defs/pair' }], ['minItems', 1], ['maxItems', 2], ['uniqueItems', true]),
  fc.constantFrom<[string, unknown]>(['prefixItems', [{ type: 'string' }, { $ref: 'urn:api-harden:test:defs#/$defs/short' }]], ['contains', { type: 'string' }], ['patternProperties', { '^x': { type: 'integer' } }]),
);
const node = fc.uniqueArray(keyword, { minLength: 1, maxLength: 5, selector: ([k]) => k }).map((pairs) => Object.fromEntries(pairs) as Record<string, unknown>);
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('ab', 'a@b.io', '2024-01-31', 'abcd', 'a', 4, 9, 12, -1, [1, 1], [1, 2, 3], [['x', 'y', 'z']], { a: 'x' }, { a: 'x', b: 'long', c: 1 }, { c: 'x' }),
);

describe('onlyKeywordFailed: "only K failed", read from the errors, is "the node minus K accepts"', () => {
  it('agrees with compiling the relaxed node whenever it answers, and answers for local errors', () => {
    let answered = 0;
    fc.assert(
      fc.property(node, value, fc.nat(4), (schema, v, pick) => {
        const keys = Object.keys(schema);
        const k = keys[pick % keys.length]!;
        const full = ajv.compile(schema);
        fc.pre(full(v) === false);
        const read = onlyKeywordFailed(full.errors, k, schema);
        const { [k]: _dropped, ...relaxed } = schema;
        const truth = ajv.compile(relaxed)(v) === true;
        if (read !== undefined) {
          answered++;
          expect(read).toBe(truth);
        } else {
          // only an error below the node, in a member no single keyword owns, leaves the question open
          expect(full.errors!.some((e) => e.instancePath !== '')).toBe(true);
        }
      }),
      { numRuns: 600 },
    );
    expect(answered).toBeGreaterThan(300);
  });

  it('names the keyword at fault: a type error alone, an error beside it, an error in a $ref target', () => {
    const node = { type: 'string', enum: ['a', 7] };
    const v = ajv.compile(node);
    v(7);
    expect(onlyKeywordFailed(v.errors, 'type', node)).toBe(true);
    v(8);
    expect(onlyKeywordFailed(v.errors, 'type', node)).toBe(false);
    // the item's error carries its target's own path, #/maxItems: it is still the items keyword's
    const list = { type: 'array', items: { $ref: 'urn:api-harden:test:defs#/$defs/pair' }, minItems: 2 };
    const items = ajv.compile(list);
    items([[1, 2, 3]]);
    expect(items.errors!.map((e) => e.schemaPath)).toContain('#/maxItems');
    expect(onlyKeywordFailed(items.errors, 'items', list)).toBe(false);
    expect(onlyKeywordFailed(items.errors, 'minItems', list)).toBe(false);
    items([[1, 2, 3], [1]]);
    expect(onlyKeywordFailed(items.errors, 'items', list)).toBe(true);
    expect(onlyKeywordFailed([], 'items', list)).toBeUndefined();
  });
});
