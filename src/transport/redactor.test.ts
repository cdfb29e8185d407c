import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Redactor } from './redactor.ts';

describe('Redactor', () => {
  it('leaves no registered secret in any text, plain or percent-encoded', () => {
    const secret = fc.string({ minLength: 6, maxLength: 40 }).filter((s) => !s.includes('[REDACTED'));
    fc.assert(
      fc.property(fc.array(secret, { minLength: 1, maxLength: 4 }), fc.array(fc.string(), { maxLength: 5 }), (secrets, filler) => {
        const redactor = new Redactor();
        secrets.forEach((s, i) => redactor.add(s, `token#${i + 1}`));
        const text = filler.map((f, i) => f + secrets[i % secrets.length] + encodeURIComponent(secrets[(i + 1) % secrets.length]!)).join(' ');
        const out = redactor.redact(text);
        for (const s of secrets) {
          // A secret may legitimately re-form from labels only if it is a substring of one; generated ones contain odd characters.
          if (!'[REDACTED token#1234]'.includes(s)) expect(out.includes(s)).toBe(false);
        }
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('labels what it replaces', () => {
    const redactor = new Redactor();
    redactor.add('oat_abcdefgh', 'token#1');
    expect(redactor.redact('Bearer oat_abcdefgh')).toBe('Bearer [REDACTED token#1]');
  });

  it('redacts Basic credentials as they travel: user:password in base64, and the password alone', () => {
    const redactor = new Redactor();
    redactor.add('alice:correct-horse', 'credential#1');
    const b64 = Buffer.from('alice:correct-horse').toString('base64');
    expect(redactor.redact(`Basic ${b64}`)).toBe('Basic [REDACTED credential#1]');
    expect(redactor.redact('wrong password correct-horse')).toBe('wrong password [REDACTED credential#1 (password)]');
    expect(redactor.secrets).toContain(b64);
  });
});
