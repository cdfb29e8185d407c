import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from './jsonChunks.ts';

describe('jsonChunks', () => {
  it('joined by newlines, is JSON.stringify(value, null, 2) exactly, whichever members are streamed', () => {
    const member = fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()), fc.constant(undefined), fc.constant(() => 1), fc.constant(Symbol('s')), fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined))));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), member), fc.array(fc.string()), (value, extra) => {
        const streamed = [...Object.keys(value).filter((_, i) => i % 2 === 0), ...extra];
        expect([...jsonChunks(value, streamed)].join('\n')).toBe(JSON.stringify(value, null, 2));
      }),
    );
  });

  it('yields a streamed array element by element', () => {
    const chunks = [...jsonChunks({ a: 1, list: [{ x: 1 }, { y: [2] }] }, ['list'])];
    expect(chunks).toEqual(['{', '  "a": 1,', '  "list": [', '    {\n      "x": 1\n    },', '    {\n      "y": [\n        2\n      ]\n    }', '  ]', '}']);
  });
});
