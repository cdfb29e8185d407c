import { decodeJwt } from 'jose';
import { HardenError } from '../errors.ts';
import type { JwtTokenProviderConfig } from '../manifest/types.ts';
import type { TokenFlaw } from '../plan/case.ts';
import { clientCaller, revokeThrough, type CallerDeps } from './clientCaller.ts';
import { claimsFor, forgeJwt, sign, type JwtSigner } from './forgeJwt.ts';
import { issueThenRevoke } from './issueThenRevoke.ts';
import type { IssuedToken, TokenProvider } from './provider.ts';
import { signingKey } from './signingKey.ts';

/** Signs tokens with the test key the manifest names, forges invalid ones, and revokes by `jti` through the API. */
export async function jwtProvider(config: JwtTokenProviderConfig, deps: CallerDeps): Promise<TokenProvider> {
  const { key, secretText } = await signingKey(config, deps.env);
  const signer: JwtSigner = { config, key };
  const caller = config.revoke ? clientCaller(config.clientAuth, deps) : undefined;
  let issued = 0;

  const issue = async (scopes: string[]): Promise<IssuedToken> => {
    const value = await sign(signer, claimsFor(config, scopes, Math.floor(Date.now() / 1000)));
    issued += 1;
    return { value, id: String(decodeJwt(value).jti), scopes, label: `jwt#${issued}`, disposable: true };
  };
  const revoke = async (token: IssuedToken) => {
    if (!config.revoke || !caller) {
      throw new HardenError('TOKEN_PROVIDER_FAILED', 'The jwt provider has no revoke route; add auth.tokens.revoke (the API route that revokes a jti), or leave out the revoked-token suite with --suites.');
    }
    await revokeThrough(caller, config.revoke, token.id!, token.label);
  };

  return {
    kind: 'jwt',
    issue,
    revoke,
    revoked: (scopes) => issueThenRevoke(issue, revoke, scopes),
    async forge(flaw: TokenFlaw, scopes: string[]) {
      return { value: await forgeJwt(signer, flaw, scopes), scopes, label: `forged:${flaw}`, disposable: false };
    },
    secrets: () => [secretText, ...secretText.split('\n').filter((line) => line.length >= 16 && !line.startsWith('-----')), ...(caller?.secrets ?? [])],
  };
}
