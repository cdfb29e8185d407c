import fc from 'fast-check';
import { shrinkLike, withoutOneCodePoint } from './shrinkLike.ts';
import { formatChecker } from './ajv.ts';
import { boundedFilter } from './bounded-filter.ts';
import { fakerArbitrary } from './faker.ts';
import { formatArbitrary } from './formats.ts';
import { linearPattern } from '../../linearPattern.ts';
import { compileRegex, generationPattern, withoutLookarounds } from './regex.ts';
import type { Schema } from './types.ts';

/** ajv's minLength/maxLength count code points, not UTF-16 units. */
function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * One code point outside ASCII: accents, CJK, RTL, zero-width, astral emoji.
 * (fc.string's 'binary' unit would do, but costs ~2.5 s to construct.)
 */
const unicodeUnit = fc.oneof(
  fc.constantFrom('é', 'ß', 'ñ', 'Ω', 'ж', '中', '文', 'ع', '\u00a0', '\u200b', '😀', '🚀', '𝔘'),
  fc.integer({ min: 0x80, max: 0xffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
);

/** One printable code point, shrinking toward the space: a failing character shrinks to the smallest one that still fails. */
const anyUnit = fc
  .integer({ min: 0x20, max: 0x10ffff })
  .filter((c) => c < 0xd800 || c > 0xdfff)
  .map(
    (c) => String.fromCodePoint(c),
    (s) => {
      // The unmapper lets fast-check shrink a value it did not generate (see shrinkLike).
      if (typeof s !== 'string' || [...s].length !== 1) throw new Error('not one code point');
      return s.codePointAt(0)!;
    },
  );

/** Strings API fuzzers like: blank, padded, quotes, markup, astral characters. */
const SPECIALS = ['', ' ', '  padded  ', '\t\n', "O'Brien", '"quoted"', '<b>x</b>', 'Zoë Ünïcødé', '😀', 'null', '0', 'true', '𝔘𝔫𝔦'];

/** Cuts/pads realistic text into [min, max] code points so faker output is always usable. */
function fit(text: string, min: number, max: number | undefined): string {
  let cps = [...text];
  if (max !== undefined && cps.length > max) cps = cps.slice(0, max);
  while (cps.length < min) cps.push(...(text.length ? [...text] : ['x']));
  return (max !== undefined ? cps.slice(0, Math.max(min, Math.min(cps.length, max))) : cps.slice(0, Math.max(min, cps.length))).join('');
}

function plainStringArbitrary(min: number, max: number | undefined): fc.Arbitrary<string> {
  const maxLength = max ?? min + 16;
  const specials = SPECIALS.filter((x) => codePointLength(x) >= min && codePointLength(x) <= maxLength);
  // Picks from faker's word lists: its company names and city names fill text templates, which
  // cost a tenth of a wide document's planning time for strings no check reads as names.
  const words = fakerArbitrary((f) => {
    const pick = f.number.int({ min: 0, max: 3 });
    return pick === 0 ? f.person.firstName() : pick === 1 ? f.lorem.words({ min: 1, max: 4 }) : pick === 2 ? f.commerce.department() : f.word.noun();
  });
  const arbs: Array<fc.WeightedArbitrary<string>> = [
    { arbitrary: fc.string({ minLength: min, maxLength }), weight: 4 },
    { arbitrary: words.map((w) => fit(w, min, max)), weight: 3 },
    { arbitrary: fc.string({ unit: anyUnit, minLength: min, maxLength }), weight: 1 },
  ];
  if (specials.length) arbs.push({ arbitrary: fc.constantFrom(...specials), weight: 1 });
  // Every branch shrinks like one plain string over ASCII and beyond, so a failure on a faker word or a
  // special shrinks to its smallest failing form (one character) rather than stopping where it was found.
  return shrinkLike(fc.oneof(...arbs), fc.string({ unit: anyUnit, minLength: min, maxLength }), withoutOneCodePoint(min));
}

/**
 * Strings for `format`, `pattern`, `minLength`, `maxLength`. A format or pattern
 * generator proposes values; length bounds, the other pattern/format, and
 * ajv-formats' checker then filter them (bounded tries with a pre-sampled
 * fallback pool). Returns `undefined` if no candidate survives: an unsatisfiable
 * combination for this generator.
 */
export function stringArbitrary(s: Schema): fc.Arbitrary<string> | undefined {
  const key = JSON.stringify([s['format'], s['pattern'], s['minLength'], s['maxLength']]);
  if (stringArbitraries.has(key)) return stringArbitraries.get(key);
  const built = buildStringArbitrary(s);
  if (stringArbitraries.size >= STRING_CACHE_LIMIT) stringArbitraries.clear();
  stringArbitraries.set(key, built);
  return built;
}

/**
 * String arbitraries by the four keywords that make them: a document repeats one constrained string
 * under many operations, and finding that a pattern cannot be met costs over a thousand draws each
 * time. Sharing one filtered arbitrary shares its fallback pool, which holds the same values
 * however far it was sampled (bounded-filter.ts), so a shared one draws what a fresh one would.
 */
const stringArbitraries = new Map<string, fc.Arbitrary<string> | undefined>();
const STRING_CACHE_LIMIT = 5_000;

function buildStringArbitrary(s: Schema): fc.Arbitrary<string> | undefined {
  const min = typeof s['minLength'] === 'number' ? Math.max(0, Math.ceil(s['minLength'])) : 0;
  const max = typeof s['maxLength'] === 'number' ? Math.floor(s['maxLength']) : undefined;
  if (max !== undefined && max < min) return undefined;
  const re = typeof s['pattern'] === 'string' ? compileRegex(s['pattern']) : undefined;
  const checkFormat = formatChecker(s['format']);
  const fromFormat = formatArbitrary(s['format']);
  let base: fc.Arbitrary<string>;
  if (fromFormat) base = fromFormat;
  else if (re) base = patternArbitrary(re, min, max);
  else base = plainStringArbitrary(min, max);
  if (!fromFormat && !re && !checkFormat) return base;
  // matched as the validators match it: in linear time where backtracking could blow up
  const matches = re && linearPattern(re.source);
  const ok = (x: string) => {
    const n = codePointLength(x);
    return n >= min && (max === undefined || n <= max) && (!matches || matches.test(x)) && (!checkFormat || checkFormat(x));
  };
  const label = `string ${JSON.stringify({ format: s['format'], pattern: s['pattern'], minLength: s['minLength'], maxLength: s['maxLength'] })}`;
  const filtered = boundedFilter(base, ok, label, { eager: true });
  if (filtered.isSatisfiable()) return filtered;
  // the format generator may be too narrow for the pattern/length: try the pattern, then anything
  for (const alt of [re ? patternArbitrary(re, min, max) : undefined, plainStringArbitrary(min, max)]) {
    if (!alt) continue;
    const f = boundedFilter(alt, ok, label, { eager: true, poolRuns: 500 });
    if (f.isSatisfiable()) return f;
  }
  return undefined;
}

/**
 * fast-check's pattern arbitraries, built once per pattern and options. fast-check builds a `\p{L}`
 * or `[^:]` class by testing every code point, and its shrinker maps values back through a table of
 * every code point the class allows: 0.4 s and tens of MB each time. Real documents repeat one
 * pattern on hundreds of properties under many length bounds (AWS's tag pattern
 * `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`); an arbitrary is immutable, so each is built once and shared.
 * Measured on AWS ECS's description (`harden plan --suites malformed`): 50.7 s and 2.8 GB before, 15.6 s
 * and 324 MB after (docs/openapi.md).
 */
const matching = new Map<string, fc.Arbitrary<string> | Error>();
/** Per pattern: the shortest of 40 small samples, to know whether a maxLength can be asked for at all. */
const shortestProbe = new Map<string, number>();
const PATTERN_CACHE_LIMIT = 2_000;

function remember<T>(cache: Map<string, T>, key: string, build: () => T): T {
  if (cache.has(key)) return cache.get(key)!;
  const value = build();
  if (cache.size >= PATTERN_CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** `fc.stringMatching(re, options)`, shared; its error (lookarounds, impossible maxLength) thrown again each time. */
function stringMatching(re: RegExp, options: { size?: fc.SizeForArbitrary; maxLength?: number }): fc.Arbitrary<string> {
  const built = remember(matching, `${re.flags}/${re.source}/${options.size ?? ''}/${options.maxLength ?? ''}`, () => {
    try {
      return fc.stringMatching(compileRegex(generationPattern(re.source)) ?? re, options);
    } catch (error) {
      return error as Error;
    }
  });
  if (built instanceof Error) throw built;
  return built;
}

function patternArbitrary(re: RegExp, min: number, max: number | undefined): fc.Arbitrary<string> {
  let loose: fc.Arbitrary<string>;
  try {
    loose = stringMatching(re, { size: 'small' });
  } catch {
    // stringMatching rejects lookarounds: generate from the rest, the caller filters by the full pattern
    const rest = compileRegex(withoutLookarounds(re.source));
    if (!rest || rest.source === re.source) return plainStringArbitrary(min, max);
    return patternArbitrary(rest, min, max);
  }
  // fast-check pads unanchored patterns with random text; concatenation helps reach minLength
  const arbs = [loose, ...(min > 0 ? [fc.tuple(loose, loose).map(([a, b]) => a + b)] : [])];
  if (max !== undefined) {
    // stringMatching's maxLength loops forever when no match is that short: only use it once one was seen
    const shortest = remember(shortestProbe, `${re.flags}/${re.source}`, () =>
      Math.min(...fc.sample(stringMatching(re, { size: 'xsmall' }), { seed: 1, numRuns: 40 }).map(codePointLength)),
    );
    if (shortest <= max) {
      // and throws on some patterns it cannot fit under maxLength (`^a[a-z]{10,32}b$` under 11, or
      // AWS MediaConvert's `^((s3:\/\/(.*?)\.(bmp|png))|…)$` under 13 though short matches exist)
      try {
        arbs.push(stringMatching(re, { maxLength: max }));
      } catch {
        /* left to the other generators and the caller's filter */
      }
    }
  }
  return arbs.length === 1 ? loose : fc.oneof(...arbs);
}
