import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonPieces } from './parseJsonPieces.ts';

/** A JSON value as written: objects as member lists, so that a name can repeat. */
type Shape = { object: Array<[string, Shape]> } | { array: Shape[] } | { scalar: unknown };

/** The text of a shape, with arbitrary JSON whitespace between its tokens. */
function written(shape: Shape, space: () => string): string {
  if ('array' in shape) return `[${space()}${shape.array.map((v) => `${written(v, space)}${space()}`).join(`,${space()}`)}]`;
  if ('object' in shape) {
    const members = shape.object.map(([k, v]) => `${JSON.stringify(k)}${space()}:${space()}${written(v, space)}${space()}`);
    return `{${space()}${members.join(`,${space()}`)}}`;
  }
  return JSON.stringify(shape.scalar);
}

const whitespace = fc.array(fc.constantFrom(' ', '\n', '\r', '\t'), { maxLength: 3 }).map((s) => s.join(''));
const name = fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'a"\\b', 'é’', 'a'));
const { shape } = fc.letrec<{ shape: Shape }>((tie) => ({
  shape: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }).map((scalar) => ({ scalar })),
    fc.array(fc.tuple(name, tie('shape')), { maxLength: 5 }).map((object) => ({ object })),
    fc.array(tie('shape'), { maxLength: 5 }).map((array) => ({ array })),
  ),
}));

/**
 * Same prototypes, same own members in the same order, same values. Not toStrictEqual: it compares
 * `constructor` members as if they were the class, and a member may be named `constructor` here.
 */
function sameTree(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const [ka, kb] = [Reflect.ownKeys(a), Reflect.ownKeys(b)];
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameTree((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]));
}

describe('parseJsonPieces', () => {
  it('gives what JSON.parse gives, split at any size, repeated and odd member names included', () => {
    fc.assert(
      fc.property(shape, fc.array(whitespace, { minLength: 1 }), fc.integer({ min: 1, max: 64 }), (value, spaces, piece) => {
        let n = 0;
        const space = () => spaces[n++ % spaces.length]!;
        const text = `${space()}${written(value, space)}${space()}`;
        const expected: unknown = JSON.parse(text);
        const got = parseJsonPieces(Buffer.from(text), piece);
        expect(sameTree(got, expected)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('says nothing (undefined) for text that is not one well-formed JSON value, at any piece size', () => {
    for (const text of ['', '  ', '{"a":1', '{"a":1}}', '{"a":1} x', '{"a" 1}', '{a:1}', '[1,]', '{"a":"\\"}', '\uFEFF{"a":1}', '[1 2]', '{"a":1,}', '{"a":[1,{"b":2]}}', '"abc']) {
      for (const piece of [1, 4, 1 << 20]) expect(parseJsonPieces(Buffer.from(text), piece), `${JSON.stringify(text)} in pieces of ${piece}`).toBeUndefined();
    }
  });

  it('reads a member named __proto__ as an own member, not as the prototype', () => {
    const got = parseJsonPieces(Buffer.from('{"__proto__": {"polluted": true}, "b": [1, {"__proto__": 2}]}'), 2) as Record<string, unknown>;
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(Object.keys(got)).toEqual(['__proto__', 'b']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('splits only the first levels of deeply nested text, and reads the rest as JSON.parse does', () => {
    const depth = 100_000;
    const text = `${'[{"a":'.repeat(depth)}1${'}]'.repeat(depth)}`;
    let got = parseJsonPieces(Buffer.from(text), 1) as unknown;
    // walked in a loop: a recursive comparison would exhaust the stack
    let levels = 0;
    while (Array.isArray(got) && got.length === 1 && typeof got[0] === 'object') {
      got = (got[0] as { a: unknown }).a;
      levels++;
    }
    expect([levels, got]).toEqual([depth, 1]);
  });
});
