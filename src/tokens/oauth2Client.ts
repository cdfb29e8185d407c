import { HardenError } from '../errors.ts';
import type { OAuth2TokenProviderConfig } from '../manifest/types.ts';
import type { ReceivedResponse, SentRequest } from '../model/exchange.ts';
import { sendRequest } from '../transport/sendRequest.ts';
import type { CallerDeps } from './clientCaller.ts';
import { basicCredentials, formBody } from './formBody.ts';
import { readEnv } from './readEnv.ts';

/** Posts forms to the authorization server's endpoints, authenticated as the client (RFC 6749 §2.3.1). */
export interface OAuth2Client {
  post(url: URL, fields: [string, string][]): Promise<ReceivedResponse>;
  /** The request `post` would send, for a case that sends and judges it itself (the refresh suite). */
  build(url: URL, fields: [string, string][]): SentRequest;
  /** The client secret and the Basic credentials built from it, for the redactor. */
  secrets: string[];
}

/**
 * RFC 6749 §2.3.1: `client_secret_basic` sends HTTP Basic with the form-encoded id and secret;
 * `client_secret_post` sends both in the body; `none` (a public client, §2.1) only `client_id` (§3.2.1).
 * The same authentication serves revocation (RFC 7009 §2.1) and introspection (RFC 7662 §2.1).
 */
export function oauth2Client(config: OAuth2TokenProviderConfig, deps: CallerDeps): OAuth2Client {
  const clientId = readEnv(config.clientId.env, deps.env, 'the OAuth 2.0 client id');
  const clientSecret = config.clientAuth === 'none' || !config.clientSecret ? undefined : readEnv(config.clientSecret.env, deps.env, 'the OAuth 2.0 client secret');
  const basic = config.clientAuth === 'client_secret_basic' && clientSecret !== undefined ? basicCredentials(clientId, clientSecret) : undefined;
  const bodyAuth: [string, string][] =
    config.clientAuth === 'client_secret_post' && clientSecret !== undefined ? [['client_id', clientId], ['client_secret', clientSecret]] : config.clientAuth === 'none' ? [['client_id', clientId]] : [];
  const build = (url: URL, fields: [string, string][]): SentRequest => {
    const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' };
    if (basic) headers.authorization = `Basic ${basic}`;
    return { method: 'POST', url: url.href, headers, body: formBody([...fields, ...bodyAuth]) };
  };
  return {
    secrets: [clientSecret, basic].filter((s): s is string => s !== undefined),
    build,
    async post(url, fields) {
      const exchange = await sendRequest(deps.dispatcher, build(url, fields), deps.limits);
      if (!exchange.response) {
        throw new HardenError('TOKEN_PROVIDER_FAILED', `POST ${url.pathname} at the authorization server did not answer (${exchange.failure?.kind}: ${exchange.failure?.code}). Check that it is up and that the URL in auth.tokens is right.`);
      }
      return exchange.response;
    },
  };
}
