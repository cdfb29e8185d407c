import { HardenError } from '../errors.ts';
import type { OAuth2TokenProviderConfig } from '../manifest/types.ts';
import { describeOAuthError } from './oauth2Error.ts';
import type { OAuth2Client } from './oauth2Client.ts';

/**
 * RFC 7009 §2.1: POST form `token` and `token_type_hint`, authenticated as for the token endpoint;
 * §2.2: 200 means revoked (or unknown). Any other answer is the provider's failure (§2.2.1: errors
 * as in RFC 6749 §5.2; 503 asks the client to retry later).
 */
export async function revokeAtServer(client: OAuth2Client, url: URL, token: { value: string; label: string }, hint: 'access_token' | 'refresh_token', config: OAuth2TokenProviderConfig, secrets: readonly string[]): Promise<void> {
  const response = await client.post(url, [['token', token.value], ['token_type_hint', hint]]);
  if (response.status !== 200) {
    const later = response.status === 503 ? ' (503: the server asks to retry later, RFC 7009 §2.2.1)' : '';
    throw new HardenError('TOKEN_PROVIDER_FAILED', `Revoking ${token.label} at POST ${url.pathname}${later} ${describeOAuthError(response, config, [...secrets, token.value])}.`);
  }
}
