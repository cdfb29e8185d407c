import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import type { JwtTokenProviderConfig } from '../manifest/types.ts';
import { TOKEN_FLAWS } from '../plan/case.ts';
import { forgeJwt, type JwtSigner } from './forgeJwt.ts';

const config: JwtTokenProviderConfig = {
  provider: 'jwt', algorithm: 'HS256', key: { env: 'K' }, keyId: 'k1', issuer: 'iss', audience: 'aud', scopeClaim: 'scope', scopeFormat: 'space', ttlSeconds: 300,
};
const key = new TextEncoder().encode('a-test-secret-of-enough-length-123');
const signer: JwtSigner = { config, key };
const verify = (token: string) => jwtVerify(token, key, { issuer: 'iss', audience: 'aud', algorithms: ['HS256'] });

describe('forgeJwt', () => {
  it('makes each flawed token fail verification for its own reason, and only that one', async () => {
    const reasons: Record<string, RegExp> = {
      expired: /"exp" claim timestamp check failed/,
      'not-yet-valid': /"nbf" claim timestamp check failed/,
      'bad-signature': /signature verification failed/,
      'tampered-payload': /signature verification failed/,
      'alg-none': /"alg" \(Algorithm\) Header Parameter value not allowed|Unsupported "alg"/,
      'wrong-audience': /unexpected "aud" claim value/,
      'wrong-issuer': /unexpected "iss" claim value/,
      'unknown-key-id': /signature verification failed/,
    };
    for (const flaw of TOKEN_FLAWS) {
      const token = await forgeJwt(signer, flaw, ['a', 'b']);
      if (flaw === 'missing-scope-claim') {
        // Cryptographically valid: only the missing claim is wrong.
        const { payload } = await verify(token);
        expect(payload.scope).toBeUndefined();
        continue;
      }
      await expect(verify(token), flaw).rejects.toThrow(reasons[flaw]!);
    }
  });

  it('keeps everything else valid: every scope, a jti, the configured key id', async () => {
    const token = await forgeJwt(signer, 'wrong-issuer', ['orders:read', 'orders:write']);
    expect(decodeJwt(token)).toMatchObject({ aud: 'aud', scope: 'orders:read orders:write' });
    expect(decodeJwt(token).jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'HS256', kid: 'k1' });
    expect(decodeProtectedHeader(await forgeJwt(signer, 'unknown-key-id', ['a'])).kid).not.toBe('k1');
  });
});
