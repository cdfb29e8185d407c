import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { linearPattern, withSmallCounts } from './linearPattern.ts';

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

  it('takes repeat counts over the limit of the linear engine, exactly', () => {
    // AWS SageMaker's: with the native engine, minutes on 40 characters; re2 refuses counts over 1000.
    const sagemaker = '^https:\\/\\/([.\\-_a-zA-Z0-9]+\\/?){3,1016}$';
    expect(linearPattern(sagemaker)).not.toBeInstanceOf(RegExp);
    expect(linearPattern(sagemaker).test(`https://${'a'.repeat(40)}!`)).toBe(false);
    expect(linearPattern(sagemaker).test('https://a/b/c')).toBe(true);
    expect(withSmallCounts('^(a|bc){3,1016}$')).toBe('^(a|bc){3,1000}(a|bc){0,16}$');
    expect(withSmallCounts('^(?<x>a){1001}$')).toBe('^(?<x>a){1000}(?:a){1,1}$');
    expect(withSmallCounts('^[a-z]{2,9}$')).toBeUndefined();
    // Nested quantifiers, so each goes to the linear engine; each repeat takes one character of 'aaa…'.
    const cases: Array<[string, (k: number) => boolean]> = [
      ['^((a|b)c?){3,1016}$', (k) => k >= 3 && k <= 1016],
      ['^([ab]c?){1500,2500}$', (k) => k >= 1500 && k <= 2500],
      ['^(\\x61c?){1200,}$', (k) => k >= 1200],
      ['^(?<one>ac?){1001}$', (k) => k === 1001],
    ];
    for (const [pattern, expected] of cases) {
      expect(linearPattern(pattern), pattern).not.toBeInstanceOf(RegExp);
      // compared with the truth, at the edges of each count and between
      fc.assert(fc.property(fc.integer({ min: 0, max: 2600 }), (k) => linearPattern(pattern).test('a'.repeat(k)) === expected(k)), { seed: 5, numRuns: 20, examples: [[0], [2], [3], [1000], [1001], [1016], [1017], [1200], [1500], [2500], [2501]] });
    }
  });
});
