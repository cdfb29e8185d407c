import type { Dispatcher } from 'undici';
import { HardenError } from '../errors.ts';
import type { HttpTokenProviderConfig } from '../manifest/types.ts';
import type { TransportLimits } from '../transport/limits.ts';
import { sendRequest } from '../transport/sendRequest.ts';
import { fillTemplate } from './fillTemplate.ts';
import type { IssuedToken, TokenProvider } from './provider.ts';
import { readEnv } from './readEnv.ts';
import { readPointer } from './readPointer.ts';

interface Deps {
  baseUrl: URL;
  dispatcher: Dispatcher;
  limits: TransportLimits;
  env: NodeJS.ProcessEnv;
}

/** Issues and revokes tokens through the API's own routes, as the manifest describes them. */
export function httpProvider(config: HttpTokenProviderConfig, deps: Deps): TokenProvider {
  const clientId = config.clientAuth ? readEnv(config.clientAuth.id.env, deps.env, 'the token client id') : undefined;
  const clientSecret = config.clientAuth ? readEnv(config.clientAuth.secret.env, deps.env, 'the token client secret') : undefined;
  const basic = clientId !== undefined ? Buffer.from(`${clientId}:${clientSecret}`).toString('base64') : undefined;
  let issued = 0;

  const call = async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (basic) headers.authorization = `Basic ${basic}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const base = deps.baseUrl.href.replace(/\/+$/, '');
    const exchange = await sendRequest(deps.dispatcher, { method, url: base + path, headers, body: body === undefined ? undefined : JSON.stringify(body) }, deps.limits);
    if (!exchange.response) {
      throw new HardenError('TOKEN_PROVIDER_FAILED', `The token route ${method} ${path} did not answer (${exchange.failure?.kind}: ${exchange.failure?.code}). Check that the API is up.`);
    }
    return exchange.response;
  };

  const issue = async (scopes: string[]): Promise<IssuedToken> => {
    const { method, path, body, tokenPointer, idPointer } = config.issue;
    const response = await call(method, path, fillTemplate(body ?? { scopes: '{{scopes}}' }, scopes));
    if (response.status < 200 || response.status >= 300) {
      throw new HardenError('TOKEN_PROVIDER_FAILED', `Issuing a token for [${scopes.join(' ')}] with ${method} ${path} answered ${response.status}. Check the client credentials and that the scopes exist.`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body);
    } catch {
      throw new HardenError('TOKEN_PROVIDER_FAILED', `The token route ${method} ${path} did not answer JSON; check auth.tokens.issue in the manifest.`);
    }
    const value = readPointer(parsed, tokenPointer);
    const id = readPointer(parsed, idPointer);
    if (typeof value !== 'string' || value === '') {
      throw new HardenError('TOKEN_PROVIDER_FAILED', `No token at ${tokenPointer} in the answer of ${method} ${path}; set auth.tokens.issue.tokenPointer.`);
    }
    issued += 1;
    return { value, id: typeof id === 'string' || typeof id === 'number' ? String(id) : undefined, scopes, label: `token#${issued}`, disposable: true };
  };

  const revoke = async (token: IssuedToken) => {
    if (!token.disposable) return;
    if (token.id === undefined) {
      throw new HardenError('TOKEN_PROVIDER_FAILED', `The issue answer had no token id at ${config.issue.idPointer}, so the token cannot be revoked; set auth.tokens.issue.idPointer.`);
    }
    const path = config.revoke.path.replace('{id}', encodeURIComponent(token.id));
    const response = await call(config.revoke.method, path);
    if (response.status < 200 || response.status >= 300) {
      throw new HardenError('TOKEN_PROVIDER_FAILED', `Revoking ${token.label} with ${config.revoke.method} ${config.revoke.path} answered ${response.status}.`);
    }
  };

  return {
    kind: 'http',
    issue,
    revoke,
    async revoked(scopes) {
      // A disposable token issued for the purpose: revoking a token the user relies on would break their other work.
      const token = await issue(scopes);
      await revoke(token);
      return { ...token, label: `${token.label} (revoked)` };
    },
    secrets: () => [clientSecret, basic].filter((s): s is string => s !== undefined),
  };
}
