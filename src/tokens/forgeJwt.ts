import { randomBytes, randomUUID } from 'node:crypto';
import { generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import type { JwtTokenProviderConfig } from '../manifest/types.ts';
import type { TokenFlaw } from '../plan/case.ts';

export interface JwtSigner {
  config: JwtTokenProviderConfig;
  key: CryptoKey | Uint8Array;
}

/** The claims of a valid token for these scopes (RFC 9068 shape: iss, aud, exp, iat, jti, scope); iss and aud only when the manifest names them. */
export function claimsFor(config: JwtTokenProviderConfig, scopes: string[], now: number): JWTPayload {
  return {
    ...(config.issuer === undefined ? {} : { iss: config.issuer }),
    ...(config.audience === undefined ? {} : { aud: config.audience }),
    iat: now,
    exp: now + config.ttlSeconds,
    jti: randomUUID(),
    sub: 'harden',
    [config.scopeClaim]: config.scopeFormat === 'array' ? scopes : scopes.join(' '),
  };
}

export async function sign(signer: JwtSigner, claims: JWTPayload, key: CryptoKey | Uint8Array = signer.key, kid = signer.config.keyId): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: signer.config.algorithm, typ: 'JWT', ...(kid ? { kid } : {}) }).sign(key);
}

/** A key the API has never seen, of the same algorithm, for forged signatures. */
async function strangerKey(algorithm: JwtTokenProviderConfig['algorithm']): Promise<CryptoKey | Uint8Array> {
  if (algorithm === 'HS256') return randomBytes(32);
  return (await generateKeyPair(algorithm)).privateKey;
}

/**
 * A token that is wrong in exactly one way and otherwise valid (holding every scope asked for),
 * so the flaw is the only reason left to refuse it.
 */
export async function forgeJwt(signer: JwtSigner, flaw: TokenFlaw, scopes: string[], now = Math.floor(Date.now() / 1000)): Promise<string> {
  const claims = claimsFor(signer.config, scopes, now);
  switch (flaw) {
    case 'expired':
      return sign(signer, { ...claims, iat: now - 7200, exp: now - 3600 });
    case 'not-yet-valid':
      return sign(signer, { ...claims, nbf: now + 3600 });
    case 'bad-signature':
      return sign(signer, claims, await strangerKey(signer.config.algorithm));
    case 'tampered-payload': {
      // A genuine signature over different claims: the payload is edited after signing.
      const [header, , signature] = (await sign(signer, { ...claims, [signer.config.scopeClaim]: '' })).split('.');
      return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    }
    case 'alg-none':
      return new UnsecuredJWT(claims).encode();
    case 'wrong-audience':
      return sign(signer, { ...claims, aud: `${signer.config.audience}-not` });
    case 'wrong-issuer':
      return sign(signer, { ...claims, iss: `${signer.config.issuer}-not` });
    case 'missing-scope-claim': {
      const { [signer.config.scopeClaim]: _dropped, ...rest } = claims;
      return sign(signer, rest);
    }
    case 'unknown-key-id':
      return sign(signer, claims, await strangerKey(signer.config.algorithm), `harden-unknown-${randomUUID()}`);
  }
}
