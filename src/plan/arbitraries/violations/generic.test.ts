import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../test-support.ts';
import { typeCandidates } from './generic.ts';

const ajv = createAjv();
const types = fc.subarray(['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'], { minLength: 1 });
const listed = fc.uniqueArray(fc.oneof(fc.constantFrom(null, true, 0, 7, 1.5, 'a', 'b', [], [1], {}, { k: 1 })), { minLength: 1, maxLength: 4, selector: (v) => JSON.stringify(v) });

describe('typeCandidates of a node that lists its values', () => {
  it('offers exactly the listed values of a refused type, each breaking `type` alone', () => {
    fc.assert(
      fc.property(types, listed, fc.boolean(), (type, values, asConst) => {
        const node = asConst ? { type, const: values[0] } : { type, enum: values };
        const inList = asConst ? [values[0]] : values;
        const full = ajv.compile(node);
        const { type: _dropped, ...relaxedNode } = node;
        const relaxed = ajv.compile(relaxedNode);
        const breaking = inList.filter((v) => !full(v) && relaxed(v));
        const candidates = typeCandidates(node);
        if (breaking.length === 0) {
          expect(candidates).toEqual([]);
          return;
        }
        expect(candidates).toHaveLength(1);
        const drawn = fc.sample(candidates[0]!.values, { seed: 1, numRuns: 40 });
        for (const v of drawn) {
          expect(full(v)).toBe(false);
          expect(relaxed(v)).toBe(true);
        }
        expect(new Set(drawn.map((v) => JSON.stringify(v)))).toEqual(new Set(breaking.map((v) => JSON.stringify(v))));
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('a string enum has no wrong-type value to offer; one listing 7 offers 7', () => {
    expect(typeCandidates({ type: 'string', enum: ['on', 'off'] })).toEqual([]);
    const [candidate] = typeCandidates({ type: 'string', enum: ['on', 7] });
    expect(new Set(fc.sample(candidate!.values, { seed: 1, numRuns: 10 }))).toEqual(new Set([7]));
  });
});
