import { HardenError } from '../errors.ts';
import type { OAuth2TokenProviderConfig } from '../manifest/types.ts';
import type { ReceivedResponse } from '../model/exchange.ts';
import { cleanServerText, describeOAuthError } from './oauth2Error.ts';

/** What an RFC 6749 §5.1 access token response says, checked. */
export interface TokenResponse {
  accessToken: string;
  /** Seconds, when the server says (§5.1 RECOMMENDED). */
  expiresIn?: number;
  refreshToken?: string;
  /** The scopes granted: the `scope` member, or the scopes asked for when it is absent (§5.1). */
  scopes: string[];
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s) => b.includes(s));
const list = (scopes: readonly string[]) => (scopes.length === 0 ? 'no scope' : `"${scopes.join(' ')}"`);

/**
 * Reads a token endpoint's answer. Anything the run cannot rely on is the provider's failure, with
 * a message naming what was wrong and never a token or secret: a token type other than Bearer (the
 * harness presents RFC 6750 bearer tokens), a malformed `expires_in`, or scopes other than those asked
 * for (§3.3: the server may grant fewer or others, and every scope case would then test the wrong token).
 */
export function readTokenResponse(response: ReceivedResponse, asked: readonly string[], config: OAuth2TokenProviderConfig, secrets: readonly string[]): TokenResponse {
  const where = `The token endpoint (${config.grant} grant, scope ${list(asked)})`;
  const fail = (what: string) => new HardenError('TOKEN_PROVIDER_FAILED', `${where} ${what}.`);
  // §5.1: a successful response is 200 OK; §5.2: errors are 400 (401 for a failed client authentication).
  if (response.status !== 200) throw fail(describeOAuthError(response, config, secrets));
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    throw fail(`answered 200 with a body that is not JSON (${response.headers['content-type'] ?? 'no content type'}); RFC 6749 §5.1 asks for application/json`);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw fail('answered 200 with JSON that is not an object (RFC 6749 §5.1)');
  const b = body as Record<string, unknown>;
  if (typeof b.access_token !== 'string' || b.access_token === '') throw fail('answered 200 without an access_token (RFC 6749 §5.1)');
  // Server text shown in a message is cleaned of the token just issued as well as of the client's secrets.
  const hide = [...secrets, b.access_token, ...(typeof b.refresh_token === 'string' ? [b.refresh_token] : [])];
  // §5.1 and §7.1: token_type is required and case-insensitive.
  if (typeof b.token_type !== 'string') throw fail('answered without a token_type (RFC 6749 §5.1)');
  if (b.token_type.toLowerCase() !== 'bearer') {
    throw fail(`issued a token of type "${cleanServerText(b.token_type, hide)}"; the harness presents Bearer tokens (RFC 6750), so it cannot use it. Configure the client for Bearer tokens`);
  }
  if (b.expires_in !== undefined && !(typeof b.expires_in === 'number' && Number.isInteger(b.expires_in) && b.expires_in >= 0)) {
    throw fail('answered an expires_in that is not a whole number of seconds (RFC 6749 §5.1)');
  }
  if (b.refresh_token !== undefined && (typeof b.refresh_token !== 'string' || b.refresh_token === '')) throw fail('answered a refresh_token that is not a string (RFC 6749 §5.1)');
  if (b.scope !== undefined && typeof b.scope !== 'string') throw fail('answered a scope that is not a space-delimited string (RFC 6749 §3.3)');
  const granted = typeof b.scope === 'string' ? b.scope.split(' ').filter((s) => s !== '') : [...asked];
  if (!sameSet([...new Set(granted)], asked)) {
    const shown = granted.map((s) => cleanServerText(s, hide));
    throw fail(`granted scope ${list(shown)} when ${list(asked)} was asked for (RFC 6749 §3.3); each case needs a token holding exactly the scopes it names. Allow the client every scope in auth.scopes, or name the scopes as the server grants them`);
  }
  return { accessToken: b.access_token, expiresIn: b.expires_in as number | undefined, refreshToken: b.refresh_token as string | undefined, scopes: [...asked] };
}
