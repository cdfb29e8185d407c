import { HardenError } from '../errors.ts';
import type { OAuth2TokenProviderConfig } from '../manifest/types.ts';
import { describeOAuthError } from './oauth2Error.ts';
import type { OAuth2Client } from './oauth2Client.ts';

/**
 * RFC 7009 §2.2 answers 200 even for a token it does not know, so a 200 proves nothing by itself.
 * RFC 7662 introspection (§2.1: POST form `token`, `token_type_hint`; §2.2: `active` is required)
 * confirms the revocation took effect: the token must now be `active: false`.
 */
export async function confirmInactive(client: OAuth2Client, url: URL, token: { value: string; label: string }, config: OAuth2TokenProviderConfig, secrets: readonly string[]): Promise<void> {
  const where = `Introspecting ${token.label} at POST ${url.pathname} after revoking it`;
  const response = await client.post(url, [['token', token.value], ['token_type_hint', 'access_token']]);
  if (response.status !== 200) throw new HardenError('TOKEN_PROVIDER_FAILED', `${where} ${describeOAuthError(response, config, [...secrets, token.value])}.`);
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    body = undefined;
  }
  const active = body !== null && typeof body === 'object' ? (body as Record<string, unknown>).active : undefined;
  if (typeof active !== 'boolean') {
    throw new HardenError('TOKEN_PROVIDER_FAILED', `${where}: the answer has no boolean "active" member (RFC 7662 §2.2); check auth.tokens.introspectionUrl.`);
  }
  if (active) {
    throw new HardenError('TOKEN_PROVIDER_FAILED', `${where}: the server still says the token is active, so the revocation did not take effect (RFC 7009 §2.2 answered 200 all the same). The revoked-token cases cannot be proven with it; check the authorization server's revocation.`);
  }
}
