import { describe, expect, it } from 'vitest';
import type { JwtTokenProviderConfig, Manifest } from '../manifest/types.ts';
import { claimsFor } from '../tokens/forgeJwt.ts';
import { forgeableFlaws } from './forgeableFlaws.ts';

const jwt = (extra: Partial<JwtTokenProviderConfig>): JwtTokenProviderConfig => ({
  provider: 'jwt', algorithm: 'HS256', key: { env: 'K' }, scopeClaim: 'scope', scopeFormat: 'space', ttlSeconds: 300, ...extra,
});
const manifestWith = (tokens: JwtTokenProviderConfig) => ({ auth: { tokens } }) as unknown as Manifest;

describe('forgeableFlaws: the jwt provider asserts only the claims the manifest names', () => {
  it('without issuer and audience, no wrong-issuer or wrong-audience token is planned, and valid tokens carry neither claim', () => {
    const config = jwt({});
    expect(forgeableFlaws(manifestWith(config))).toEqual(['expired', 'not-yet-valid', 'bad-signature', 'tampered-payload', 'alg-none', 'missing-scope-claim']);
    const claims = claimsFor(config, ['a'], 1_000);
    expect(claims).not.toHaveProperty('iss');
    expect(claims).not.toHaveProperty('aud');
  });

  it('each claim named brings its own forged flaw, and only that one', () => {
    expect(forgeableFlaws(manifestWith(jwt({ issuer: 'https://issuer.test' })))).toContain('wrong-issuer');
    expect(forgeableFlaws(manifestWith(jwt({ issuer: 'https://issuer.test' })))).not.toContain('wrong-audience');
    expect(forgeableFlaws(manifestWith(jwt({ audience: 'orders-api' })))).toEqual(expect.arrayContaining(['wrong-audience']));
    expect(forgeableFlaws(manifestWith(jwt({ audience: 'orders-api' })))).not.toContain('wrong-issuer');
    expect(forgeableFlaws(manifestWith(jwt({ issuer: 'i', audience: 'a', keyId: 'k' })))).toHaveLength(9);
    expect(claimsFor(jwt({ issuer: 'i', audience: 'a' }), ['a'], 1_000)).toMatchObject({ iss: 'i', aud: 'a' });
  });
});
