import { describe, expect, it } from 'vitest';
import { TOKEN_TAMPERS } from '../plan/case.ts';
import { tamperToken } from './tamperToken.ts';

const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLWJ5dGVzLWhlcmUtMzItYnl0ZXM';

describe('tamperToken', () => {
  it.each(['oat_AbCdEf123456', jwt, 'dGVzdHRva2Vu=', 'abc~def+ghi/jkl'])('changes %s every way and keeps it a b64token (RFC 6750 §2.1)', (value) => {
    for (const tamper of TOKEN_TAMPERS) {
      const out = tamperToken(value, tamper)!;
      expect(out, tamper).not.toBe(value);
      expect(out, tamper).toMatch(B64TOKEN);
    }
  });

  it('appends to the end, padding to a padded token; cuts the last data character, not padding', () => {
    expect(tamperToken('oat_abc', 'appended')).toBe('oat_abcx7Q');
    expect(tamperToken('dGVzdA==', 'appended')).toBe('dGVzdA====');
    expect(tamperToken('oat_abc', 'last-cut')).toBe('oat_ab');
    expect(tamperToken('dGVzdA==', 'last-cut')).toBe('dGVzd==');
  });

  it("changes one character in a JWT's signature, header and payload untouched", () => {
    const out = tamperToken(jwt, 'one-changed')!;
    const [h, p, s] = out.split('.');
    expect([h, p]).toEqual(jwt.split('.').slice(0, 2));
    expect(s).toHaveLength(jwt.split('.')[2]!.length);
    expect([...s!].filter((c, i) => c !== jwt.split('.')[2]![i])).toHaveLength(1);
  });

  it('swaps the case of every letter, and cannot for a token without letters', () => {
    expect(tamperToken('oat_AbC9', 'case-swapped')).toBe('OAT_aBc9');
    expect(tamperToken('1234567890', 'case-swapped')).toBeUndefined();
    expect(tamperToken('1', 'last-cut')).toBeUndefined();
  });
});
