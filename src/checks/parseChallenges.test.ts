import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChallenges } from './parseChallenges.ts';

describe('parseChallenges', () => {
  it('reads RFC 6750 challenges', () => {
    expect(parseChallenges('Bearer realm="example", error="invalid_token", error_description="The access token expired"')).toEqual([
      { scheme: 'Bearer', params: { realm: 'example', error: 'invalid_token', error_description: 'The access token expired' } },
    ]);
    expect(parseChallenges('Basic realm="a", Bearer scope="x y", error=insufficient_scope')).toEqual([
      { scheme: 'Basic', params: { realm: 'a' } },
      { scheme: 'Bearer', params: { scope: 'x y', error: 'insufficient_scope' } },
    ]);
    expect(parseChallenges('Bearer')).toEqual([{ scheme: 'Bearer', params: {} }]);
  });

  it('reads back any challenge written with quoted params, and never throws on garbage', () => {
    const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,10}$/);
    const value = fc.string({ maxLength: 20 }).filter((s) => !/[\u0000-\u001f]/.test(s));
    fc.assert(
      fc.property(token, fc.dictionary(token.map((t) => t.toLowerCase()), value, { maxKeys: 4 }), (scheme, params) => {
        const header = [scheme, Object.entries(params).map(([k, v]) => `${k}="${v.replace(/["\\]/g, '\\$&')}"`).join(', ')].join(' ').trim();
        expect(parseChallenges(header)).toEqual([{ scheme, params }]);
      }),
      { seed: 7 },
    );
    fc.assert(fc.property(fc.string(), (garbage) => Array.isArray(parseChallenges(garbage))), { seed: 7 });
  });
});
