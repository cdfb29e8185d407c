import type { TokenProviderConfig } from '../manifest/types.ts';

/**
 * Why the run cannot obtain a revoked token from this provider, or undefined when it can.
 * Pure: read off the manifest, so the plan can mark revocation "not proven" before anything is sent.
 */
export function revocationUnavailable(tokens: TokenProviderConfig): string | undefined {
  switch (tokens.provider) {
    case 'static':
      return tokens.revoked ? undefined : 'the static provider names no revoked token (auth.tokens.revoked)';
    case 'jwt':
      return tokens.revoke ? undefined : 'the jwt provider has no revoke route (auth.tokens.revoke)';
    case 'http':
      return tokens.revoke === 'none' ? 'the manifest says the API cannot revoke tokens (auth.tokens.revocation: none)' : undefined;
    case 'oauth2':
      if (!tokens.revocationUrl) return 'the oauth2 provider names no RFC 7009 revocation endpoint (auth.tokens.revocationUrl)';
      // RFC 7009 §2.1 lets the server revoke the refresh token with an access token issued from it:
      // revoking one would end the user's grant, and every later token request of the run with it.
      return tokens.grant === 'refresh_token' ? "with grant: refresh_token, revoking a token may revoke the user's refresh token too (RFC 7009 §2.1); use grant: password or client_credentials to prove revocation" : undefined;
  }
}

/** Why the run cannot do the rotation drill (issue a replacement, revoke the old token), or undefined when it can. */
export function rotationUnavailable(tokens: TokenProviderConfig): string | undefined {
  if (tokens.provider === 'static') return 'the static provider cannot issue a replacement token';
  return revocationUnavailable(tokens);
}
