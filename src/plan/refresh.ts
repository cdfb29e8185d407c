import type { Manifest } from '../manifest/types.ts';
import { REFRESH_PROBES, type Case, type RefreshProbe } from './case.ts';
import { refusal } from './expectations.ts';

const VARIANTS: Record<RefreshProbe, { variant: string; error: string; reason: string }> = {
  'after-revocation': {
    variant: 'refresh with a revoked refresh token',
    error: 'invalid_grant',
    reason: 'the refresh token was revoked (RFC 7009 §2.1): RFC 6749 §5.2 invalid_grant, never a new token',
  },
  'wider-scope': {
    variant: 'refresh asking for more scope than granted',
    error: 'invalid_scope',
    reason: 'a refresh may not ask for scope the grant lacks (RFC 6749 §6): §5.2 invalid_scope, never a wider token',
  },
};

/** The RFC 6749 §5.2 error code a refresh case requires. */
export const refreshError = (probe: RefreshProbe): string => VARIANTS[probe].error;

/**
 * The refresh suite: requests to the authorization server's token endpoint that must be refused.
 * Planned for the oauth2 provider with the password grant, whose grants (and their refresh tokens)
 * belong to the run; with the refresh_token grant they are not proven (the user's refresh token is
 * not the run's to revoke); client credentials issue no refresh token (RFC 6749 §4.4.3). `wider-scope`
 * needs a second catalogued scope. Pure: the provider prepares each request at run time.
 */
export function planRefresh(manifest: Manifest, runSeed: number): Case[] {
  const tokens = manifest.auth.tokens;
  // Client credentials issue no refresh token (RFC 6749 §4.4.3): there is no refresh to prove.
  if (tokens.provider !== 'oauth2' || tokens.grant === 'client_credentials') return [];
  const scopes = Object.keys(manifest.auth.scopes);
  const unproven = tokens.grant === 'refresh_token' ? "not proven: the refresh token is the user's, not the run's to revoke; use grant: password to prove refresh" : undefined;
  return REFRESH_PROBES.filter((probe) => probe !== 'wider-scope' || scopes.length > 1).map((probe) => {
    const { variant, reason } = VARIANTS[probe];
    const slug = variant.replace(/[^a-z0-9]+/g, '-');
    const noRevocation = probe === 'after-revocation' && tokens.revocationUrl === undefined ? 'not proven: auth.tokens names no revocationUrl (RFC 7009)' : undefined;
    return {
      id: `token-endpoint/refresh/${slug}`,
      seed: runSeed,
      suite: 'refresh',
      endpointId: 'token-endpoint',
      route: `POST ${tokens.tokenUrl}`,
      variant,
      title: `POST ${tokens.tokenUrl} › refresh › ${variant}`,
      request: { method: 'POST', path: tokens.tokenUrl, headers: {} },
      expect: refusal([400], reason),
      repeat: false,
      refresh: probe,
      ...((unproven ?? noRevocation) === undefined ? {} : { unproven: unproven ?? noRevocation }),
    } satisfies Case;
  });
}
