import type { Dispatcher } from 'undici';
import { HardenError } from '../errors.ts';
import type { HttpTokenProviderConfig } from '../manifest/types.ts';
import type { ReceivedResponse } from '../model/exchange.ts';
import type { TransportLimits } from '../model/limits.ts';
import { sendRequest } from '../transport/sendRequest.ts';
import { formFields } from './fillEnv.ts';
import { formBody } from './formBody.ts';
import { readEnv } from './readEnv.ts';

export interface CallerDeps {
  baseUrl: URL;
  dispatcher: Dispatcher;
  limits: TransportLimits;
  env: NodeJS.ProcessEnv;
}

/** Calls the API's token routes with the client credentials (RFC 7617 Basic), through the bounded transport. */
export interface ClientCaller {
  /** `form` sends a flat body as application/x-www-form-urlencoded; JSON otherwise. */
  call(method: string, path: string, body?: unknown, encoding?: 'json' | 'form'): Promise<ReceivedResponse>;
  /** Client secrets, for the redactor. */
  secrets: string[];
}

export function clientCaller(clientAuth: HttpTokenProviderConfig['clientAuth'], deps: CallerDeps): ClientCaller {
  const clientId = clientAuth ? readEnv(clientAuth.id.env, deps.env, 'the token client id') : undefined;
  const clientSecret = clientAuth ? readEnv(clientAuth.secret.env, deps.env, 'the token client secret') : undefined;
  const basic = clientId !== undefined ? Buffer.from(`${clientId}:${clientSecret}`).toString('base64') : undefined;
  return {
    secrets: [clientSecret, basic].filter((s): s is string => s !== undefined),
    async call(method, path, body, encoding = 'json') {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (basic) headers.authorization = `Basic ${basic}`;
      if (body !== undefined) headers['content-type'] = encoding === 'form' ? 'application/x-www-form-urlencoded' : 'application/json';
      const base = deps.baseUrl.href.replace(/\/+$/, '');
      const text = body === undefined ? undefined : encoding === 'form' ? formBody(formFields(body)) : JSON.stringify(body);
      const exchange = await sendRequest(deps.dispatcher, { method, url: new URL(base + path).href, headers, body: text }, deps.limits);
      if (!exchange.response) {
        throw new HardenError('TOKEN_PROVIDER_FAILED', `The token route ${method} ${path} did not answer (${exchange.failure?.kind}: ${exchange.failure?.code}). Check that the API is up.`);
      }
      return exchange.response;
    },
  };
}

/** Revokes a token by id through the API's revoke route; any non-2xx is the provider's failure. */
export async function revokeThrough(caller: ClientCaller, revoke: { method: string; path: string }, id: string, label: string): Promise<void> {
  const path = revoke.path.replace('{id}', encodeURIComponent(id));
  const response = await caller.call(revoke.method, path);
  if (response.status < 200 || response.status >= 300) {
    throw new HardenError('TOKEN_PROVIDER_FAILED', `Revoking ${label} with ${revoke.method} ${revoke.path} answered ${response.status}; check auth.tokens.revoke.`);
  }
}
