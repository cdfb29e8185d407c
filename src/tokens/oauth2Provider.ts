import { HardenError } from '../errors.ts';
import type { OAuth2TokenProviderConfig } from '../manifest/types.ts';
import type { RefreshProbe } from '../plan/case.ts';
import type { CallerDeps } from './clientCaller.ts';
import { confirmInactive } from './introspect.ts';
import { issueThenRevoke } from './issueThenRevoke.ts';
import { oauth2Client } from './oauth2Client.ts';
import type { IssuedToken, TokenProvider } from './provider.ts';
import { readEnv } from './readEnv.ts';
import { revokeAtServer } from './revokeAtServer.ts';
import { targetUrl } from './targetUrl.ts';
import { readTokenResponse } from './tokenResponse.ts';

/**
 * Obtains tokens from an OAuth 2.0 token endpoint (RFC 6749 §4.4 client credentials, §4.3 password,
 * §6 refresh token), revokes them per RFC 7009 and, with an introspection URL, confirms each
 * revocation per RFC 7662. Every request goes through the bounded transport, to the target's origin only.
 */
export function oauth2Provider(config: OAuth2TokenProviderConfig, deps: CallerDeps): TokenProvider {
  const tokenUrl = targetUrl(deps.baseUrl, config.tokenUrl, 'tokenUrl');
  const revocationUrl = config.revocationUrl === undefined ? undefined : targetUrl(deps.baseUrl, config.revocationUrl, 'revocationUrl');
  const introspectionUrl = config.introspectionUrl === undefined ? undefined : targetUrl(deps.baseUrl, config.introspectionUrl, 'introspectionUrl');
  const client = oauth2Client(config, deps);
  const owner =
    config.grant === 'password' ? { username: readEnv(config.username!.env, deps.env, 'the resource owner\'s username'), password: readEnv(config.password!.env, deps.env, 'the resource owner\'s password') } : undefined;
  const userRefreshToken = config.grant === 'refresh_token' ? readEnv(config.refreshToken!.env, deps.env, 'the refresh token') : undefined;
  // §6: a server may answer a refresh with a new refresh token; the client must then use that one.
  let refreshToken = userRefreshToken;
  const obtained: string[] = [];
  const listeners: ((secret: string, label: string) => void)[] = [];
  /** Refresh tokens the run's own grants came with (password grant), revoked with their access token. */
  const refreshOf = new Map<string, string>();
  let issued = 0;

  const secrets = () => [...client.secrets, ...(owner ? [owner.password] : []), ...(userRefreshToken ? [userRefreshToken] : []), ...obtained];
  const keep = (secret: string, label: string) => {
    obtained.push(secret);
    for (const listener of listeners) listener(secret, label);
  };

  const issue = async (scopes: string[]): Promise<IssuedToken> => {
    const fields: [string, string][] = [['grant_type', config.grant]];
    if (owner) fields.push(['username', owner.username], ['password', owner.password]);
    if (refreshToken) fields.push(['refresh_token', refreshToken]);
    // §3.3: the scope parameter is space-delimited; left out, the server applies its default.
    if (scopes.length > 0) fields.push(['scope', scopes.join(' ')]);
    const answer = readTokenResponse(await client.post(tokenUrl, fields), scopes, config, secrets());
    issued += 1;
    const label = `token#${issued}`;
    keep(answer.accessToken, label);
    if (answer.refreshToken !== undefined) {
      keep(answer.refreshToken, `${label} (refresh token)`);
      if (config.grant === 'refresh_token') refreshToken = answer.refreshToken;
      else refreshOf.set(answer.accessToken, answer.refreshToken);
    }
    const expiresAt = answer.expiresIn === undefined ? undefined : Date.now() + answer.expiresIn * 1000;
    // Tokens from the user's refresh token are not revoked at the end: RFC 7009 §2.1 lets the server
    // revoke the refresh token with them, ending the user's grant (revocation is then not proven).
    return { value: answer.accessToken, scopes, label, disposable: config.grant !== 'refresh_token', ...(expiresAt === undefined ? {} : { expiresAt }) };
  };

  const cannotRevoke = (what: string) => new HardenError('TOKEN_PROVIDER_FAILED', `${what} cannot be revoked: auth.tokens names no revocationUrl (RFC 7009). Add it, or revocation is reported as not proven.`);
  const revoke = async (token: IssuedToken) => {
    if (!token.disposable) return;
    if (!revocationUrl) throw cannotRevoke(token.label);
    await revokeAtServer(client, revocationUrl, token, 'access_token', config, secrets());
    if (introspectionUrl) await confirmInactive(client, introspectionUrl, token, config, secrets());
    // The grant the run obtained goes too; the user's own refresh token (refresh_token grant) is never revoked.
    const refresh = refreshOf.get(token.value);
    if (refresh !== undefined) {
      refreshOf.delete(token.value);
      await revokeAtServer(client, revocationUrl, { value: refresh, label: `${token.label} (refresh token)` }, 'refresh_token', config, secrets());
    }
  };

  /**
   * A grant of the run's own (password grant), holding `scopes`, and the refresh request a case sends:
   * after revoking that grant's refresh token (RFC 7009 §2.1), or asking for `wider` scope too (§6).
   */
  const refreshProbe = async (probe: RefreshProbe, scopes: string[], wider: string[]) => {
    if (config.grant !== 'password') throw new HardenError('TOKEN_PROVIDER_FAILED', `The ${config.grant} grant obtains no refresh token of the run's own; the refresh suite needs grant: password.`);
    const token = await issue(scopes);
    const refresh = refreshOf.get(token.value);
    if (refresh === undefined) {
      await revoke(token).catch(() => undefined);
      throw new HardenError('TOKEN_PROVIDER_FAILED', `The password grant answered ${token.label} without a refresh_token (RFC 6749 §5.1), so refresh cannot be tried.`);
    }
    if (probe === 'after-revocation') {
      if (!revocationUrl) throw cannotRevoke(`${token.label} (refresh token)`);
      await revokeAtServer(client, revocationUrl, { value: refresh, label: `${token.label} (refresh token)` }, 'refresh_token', config, secrets());
    }
    const asked = probe === 'wider-scope' ? [...scopes, ...wider] : scopes;
    const request = client.build(tokenUrl, [['grant_type', 'refresh_token'], ['refresh_token', refresh], ['scope', asked.join(' ')]]);
    return { request, release: () => revoke(token).catch(() => undefined) };
  };

  return {
    kind: 'oauth2',
    issue,
    revoke,
    refreshProbe,
    // Refused before issuing: a token the run cannot revoke would only linger until it expires.
    revoked: async (scopes) => {
      if (!revocationUrl) throw cannotRevoke('A token');
      return issueThenRevoke(issue, revoke, scopes);
    },
    secrets,
    onSecret: (listener) => void listeners.push(listener),
  };
}
