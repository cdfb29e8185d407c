import fc from 'fast-check';

/** A value written as JSON text: some (1e400, 2^53+1, a lone surrogate) have no exact JavaScript value to stringify. */
export interface HostileValue {
  label: string;
  /** The value's JSON text; a function where the text is large and only built when drawn. */
  text: string | (() => string);
}

const MEGABYTE = 1 << 20;
let megabyteString: string | undefined;

/**
 * Values that crash code behind a validator more often than they break the validator itself (issue
 * 19), simplest first: shrinking moves towards the front, so a failure ends on the simplest value
 * that still fails. Each is valid JSON (RFC 8259 §2); what a parser may do with it is the question.
 */
export const HOSTILE_VALUES: readonly HostileValue[] = [
  // RFC 8259 §7: any code point may be escaped, U+0000 included; C strings and some databases stop at it.
  { label: 'a NUL character', text: '"a\\u0000b"' },
  // RFC 8259 §8.2: an unpaired surrogate is grammatical JSON whose behaviour is "unpredictable".
  { label: 'a lone surrogate (\\ud800)', text: '"\\ud800"' },
  // RFC 8259 §6: integers past 2^53 lose precision in IEEE 754 doubles; past ±1.8e308 they have no double at all.
  { label: 'the number 2^53+1', text: '9007199254740993' },
  { label: 'the number 1e308', text: '1e308' },
  { label: 'the number -1e308', text: '-1e308' },
  { label: 'the number 1e400 (past any double)', text: '1e400' },
  // Prototype keys: harmless as JSON, dangerous to code that merges the object into another.
  { label: 'an object with a __proto__ key', text: '{"__proto__":{"polluted":true}}' },
  { label: 'an object with a constructor key', text: '{"constructor":{"prototype":{"polluted":true}}}' },
  { label: 'an object with a prototype key', text: '{"prototype":{"polluted":true}}' },
  // RFC 8259 §9: a parser may limit nesting; 200 levels is past what recursive code often expects.
  { label: 'arrays nested 200 deep', text: `${'['.repeat(200)}${']'.repeat(200)}` },
  { label: 'a 1 MB string', text: () => (megabyteString ??= `"${'a'.repeat(MEGABYTE)}"`) },
];

/** The JSON text of a hostile value. */
export const hostileText = (value: HostileValue): string => (typeof value.text === 'string' ? value.text : value.text());

/** A field of a body, by its member names from the root, and how often to choose it. */
export interface WeightedField {
  path: readonly string[];
  weight: number;
}

/**
 * A field and a hostile value for it, as indices. Fields are weighed by the caller (deeper fields
 * more often: the shallow ones are where validators are tested best); each keeps its own branch, so
 * shrinking never moves a failure to another field. The value shrinks towards the simplest of
 * HOSTILE_VALUES that still fails.
 */
export function hostileChoiceArbitrary(fields: readonly WeightedField[]): fc.Arbitrary<{ field: number; value: number }> {
  const value = fc.integer({ min: 0, max: HOSTILE_VALUES.length - 1 });
  return fc.oneof(...fields.map((f, field) => ({ arbitrary: value.map((v) => ({ field, value: v })), weight: f.weight })));
}
