import type { OAuth2TokenProviderConfig } from '../manifest/types.ts';
import type { ReceivedResponse } from '../model/exchange.ts';
import { formEncode } from './formBody.ts';

/** What to do about each RFC 6749 §5.2 error code (RFC 7009 §2.2.1 adds unsupported_token_type). */
function hintFor(error: string, config: OAuth2TokenProviderConfig): string {
  switch (error) {
    case 'invalid_client':
      return `check that $${config.clientId.env}${config.clientSecret ? ` and $${config.clientSecret.env}` : ''} hold the client's credentials and that clientAuth (${config.clientAuth}) is the method the client was registered with`;
    case 'invalid_grant':
      if (config.grant === 'password') return `check that $${config.username?.env} and $${config.password?.env} hold the resource owner's credentials`;
      if (config.grant === 'refresh_token') return `the refresh token in $${config.refreshToken?.env} is expired, revoked or another client's; obtain a new one`;
      return 'the server refused the grant; check the client\'s registration';
    case 'unauthorized_client':
      return `this client may not use the ${config.grant} grant; allow it at the server, or set auth.tokens.grant`;
    case 'unsupported_grant_type':
      return `the server does not offer the ${config.grant} grant; set auth.tokens.grant to one it offers`;
    case 'invalid_scope':
      return 'the scope catalogue (auth.scopes) must use the scope names the server knows and the client may ask for';
    case 'unsupported_token_type':
      return 'the server cannot revoke access tokens (RFC 7009 §2.2.1); remove revocationUrl, and revocation is reported as not proven';
    default:
      return 'check auth.tokens against the server\'s documentation';
  }
}

/** Server text is shown only as RFC 6749 §5.2 allows it (printable ASCII), bounded, and never with a secret in it. */
function clean(text: string, secrets: readonly string[]): string {
  let out = text.replace(/[^\x20-\x7e]/g, '?');
  // A server may echo what it was sent, so each secret is also looked for as it travelled: form- or percent-encoded.
  for (const secret of secrets.filter((s) => s.length > 0)) {
    for (const form of new Set([secret, formEncode(secret), encodeURIComponent(secret)])) out = out.split(form).join('[REDACTED]');
  }
  return out.length > 200 ? `${out.slice(0, 200)}…` : out;
}

/**
 * A refusal from the authorization server as one sentence: the status, the §5.2 `error` and
 * `error_description` when the body carries them, and what to do. No request parameter is repeated.
 */
export function describeOAuthError(response: ReceivedResponse, config: OAuth2TokenProviderConfig, secrets: readonly string[]): string {
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    body = undefined;
  }
  const members = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const error = typeof members.error === 'string' ? clean(members.error, secrets) : undefined;
  if (error === undefined) {
    return `answered ${response.status} (${response.headers['content-type'] ?? 'no content type'}) without an RFC 6749 §5.2 error object; check the URL in auth.tokens`;
  }
  const description = members.error_description;
  const said = typeof description === 'string' ? `: "${clean(description, secrets)}"` : '';
  return `answered ${response.status} ${error}${said}; ${hintFor(error, config)}`;
}

export { clean as cleanServerText };
