import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../transport/redactor.ts';
import { redactBuilt, redactDeep } from './redactDeep.ts';

const SECRET = 'tok_9f8e7d6c5b4a39281706';

/** JSON values where the secret turns up in strings and keys, whole or inside other text. */
const withSecret = fc.letrec((tie) => ({
  text: fc.oneof(fc.string(), fc.constant(SECRET), fc.string().map((s) => `${s}${SECRET}${s}`)),
  value: fc.oneof({ depthSize: 'small' }, tie('text'), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(tie('text') as fc.Arbitrary<string>, tie('value'), { maxKeys: 4 })),
})).value;

describe('redacting evidence', () => {
  const redactor = new Redactor();
  redactor.add(SECRET, 'token#1');
  const redact = (text: string) => redactor.redact(text);

  it('in place gives what the copying redaction gives, and leaves no secret', () => {
    fc.assert(
      fc.property(withSecret, (value) => {
        const expected = redactDeep(value, redact);
        const built = redactBuilt(structuredClone(value), redact);
        expect(built).toEqual(expected);
        expect(JSON.stringify(built)).not.toContain(SECRET);
      }),
    );
  });

  it('in place returns the same object, changed', () => {
    const value = { a: [SECRET], [SECRET]: 'x' };
    expect(redactBuilt(value, redact)).toBe(value);
    expect(value).toEqual({ a: ['[REDACTED token#1]'], '[REDACTED token#1]': 'x' });
  });
});
