import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generationPattern } from './regex.ts';

// Patterns from AWS descriptions, and the shapes the rewrite touches.
const PATTERNS = [
  '^arn:aws([a-z-]+)?:outposts:[a-z\\d-]+:\\d{12}:outpost/op-[a-f0-9]{17}$',
  '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$',
  '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+',
  '^(?:[a-z]+)?$',
  '^(?<name>[a-z0-9]+)*$',
  '^\\p{Lu}\\p{Ll}+( \\p{Lu}\\p{Ll}+){0,2}$',
  '^([a-z]+)+\\.(com|org)$',
  // AWS Translate's text, and the other properties narrowed
  '[\\P{M}\\p{M}]{1,40}',
  // negated classes: AWS IoT's comments, paths without a slash, an escaped bracket inside
  '[^\\p{C}]+',
  '^[^/]{2,5}$',
  '^[^\\]a-c]+x$',
  '^[\\p{P}\\p{S}\\P{L}\\P{N}\\P{Z}\\P{C}\\p{Mn}]+$',
];

describe('generationPattern', () => {
  it('draws only strings the pattern itself matches', () => {
    for (const pattern of PATTERNS) {
      const original = new RegExp(pattern, 'u');
      const drawn = fc.sample(fc.stringMatching(new RegExp(generationPattern(pattern), 'u')), { seed: 3, numRuns: 200 });
      expect(drawn.filter((x) => !original.test(x)), pattern).toEqual([]);
    }
  });

  it('narrows property classes outside negated classes, and guards quantified groups', () => {
    expect(generationPattern('\\p{N}+')).toBe('[0-9]+');
    expect(generationPattern('[\\p{Z}x]')).toBe('[ x]');
    // a negated class becomes the class of its printable members: no letter here, every digit
    const notLetter = new RegExp(`^${generationPattern('[^\\p{L}]')}$`, 'u');
    expect(generationPattern('[^\\p{L}]')).not.toContain('^');
    expect(['a', 'Z', 'é'].filter((x) => notLetter.test(x))).toEqual([]);
    expect(['0', '9', ' ', '/'].every((x) => notLetter.test(x))).toBe(true);
    expect(generationPattern('[^\\x00-\\xff]')).toBe('[^\\x00-\\xff]');
    expect(generationPattern('[\\P{M}\\p{M}]{1,10000}')).toBe('[ -~\\u0300-\\u036F]{1,10000}');
    expect(generationPattern('\\P{Sc}')).toBe('\\P{Sc}');
    expect(generationPattern('^([a-z-]+)?$')).toBe('^(a{0}[a-z-]+)?$');
    expect(generationPattern('^(?=.*\\d)[a-z\\d]+$')).toBe('^(?=.*\\d)[a-z\\d]+$');
    expect(generationPattern('\\(x\\)?')).toBe('\\(x\\)?');
  });
});

describe('the narrowed property classes', () => {
  it('hold only members of their property (every code point of each subset tested)', () => {
    for (const name of ['L', 'Lu', 'Ll', 'N', 'Nd', 'Z', 'Zs', 'M', 'Mn', 'P', 'S', 'C', 'Cc']) {
      for (const negated of [false, true]) {
        const written = `${negated ? '\\P' : '\\p'}{${name}}`;
        const narrowed = generationPattern(written);
        if (narrowed === written) continue;
        const subset = new RegExp(narrowed, 'u');
        const property = new RegExp(`^${written}$`, 'u');
        for (let cp = 0; cp <= 0xff + 0x400; cp++) {
          const ch = String.fromCodePoint(cp);
          if (subset.test(ch)) expect(property.test(ch), `${written} holds U+${cp.toString(16)}`).toBe(true);
        }
      }
    }
  });
});
