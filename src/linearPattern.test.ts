import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { linearPattern } from './linearPattern.ts';

// From Azure's, BeeZUP's and AWS Transfer's descriptions: each backtracks for minutes on forty characters and a "!".
const CATASTROPHIC = ['^[a-zA-Z0-9]+([._]?[a-zA-Z0-9]+)*$', '^(https?:\\/\\/)?([\\da-z\\.-]+)\\.([a-z\\.]{2,6})([\\/\\w \\.-]*)*\\/?$', '^\\$\\{(\\w+.)+\\w+\\}$'];

describe('linearPattern', () => {
  it('answers a catastrophic pattern on a hostile text without backtracking', () => {
    // Counted, not timed: with the native engine each of these takes minutes; the test would not end.
    for (const pattern of CATASTROPHIC) expect(linearPattern(pattern).test(`${'a'.repeat(40)}!`), pattern).toBe(false);
  });

  it('agrees with the native engine on what matches', () => {
    for (const pattern of CATASTROPHIC) {
      const native = new RegExp(pattern, 'u');
      const texts = fc.oneof(fc.stringMatching(native, { size: 'small' }), fc.string({ unit: 'grapheme-ascii', maxLength: 12 }));
      fc.assert(fc.property(texts, (x) => linearPattern(pattern).test(x) === native.test(x)), { seed: 11, numRuns: 300 });
    }
  });

  it('keeps the native engine for safe patterns, and for what the linear engine cannot read', () => {
    expect(linearPattern('^[a-z]+$')).toBeInstanceOf(RegExp);
    // a lookahead with nested quantifiers: re2js refuses lookarounds, so the native engine stays
    expect(linearPattern('^(?=(a+)+b)x')).toBeInstanceOf(RegExp);
  });

  it('is what ajv matches patterns with', () => {
    const ajv = new Ajv2020({ code: { regExp: linearPattern } });
    const validate = ajv.compile({ type: 'string', pattern: CATASTROPHIC[0] });
    expect(validate(`${'a'.repeat(40)}!`)).toBe(false);
    expect(validate('node.name_1')).toBe(true);
  });
});
