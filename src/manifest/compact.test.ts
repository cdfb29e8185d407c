import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compact } from './compact.ts';

// JSON values with what JSON text cannot hold sprinkled in (undefined members and items, functions)
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 1 }),
    fc.constantFrom(undefined, () => 1),
    fc.dictionary(fc.oneof(fc.string(), fc.constant('__proto__')), tie('value'), { maxKeys: 5 }),
    fc.array(tie('value'), { maxLength: 5 }),
  ),
}));

describe('compact', () => {
  it('is what a JSON round trip gives, however many levels are copied member by member', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 4 }), (v, levels) => {
        const text = JSON.stringify(v);
        const copied = compact(v, levels);
        expect(JSON.stringify(copied)).toBe(text);
        if (text !== undefined) expect(copied).toEqual(JSON.parse(text));
      }),
    );
  });

  it('keeps a value holding Infinity or NaN as it is, deep in the copied levels or below them', () => {
    for (const levels of [0, 1, 2, 5]) {
      const value = { endpoints: [{ limits: { max: Infinity } }], other: { n: NaN } };
      expect(compact(value, levels)).toBe(value);
    }
  });

  it('makes a member named __proto__ an own member', () => {
    const copied = compact(JSON.parse('{"a": {"__proto__": {"x": 1}}}'), 3) as { a: object };
    expect(Object.keys(copied.a)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(copied.a)).toBe(Object.prototype);
  });
});
