import { HardenError } from '../errors.ts';
import type { HttpTokenProviderConfig } from '../manifest/types.ts';
import { clientCaller, revokeThrough, type CallerDeps } from './clientCaller.ts';
import { fillTemplate } from './fillTemplate.ts';
import { issueThenRevoke } from './issueThenRevoke.ts';
import type { IssuedToken, TokenProvider } from './provider.ts';
import { readPointer } from './readPointer.ts';

/** Issues and revokes tokens through the API's own routes, as the manifest describes them. */
export function httpProvider(config: HttpTokenProviderConfig, deps: CallerDeps): TokenProvider {
  const caller = clientCaller(config.clientAuth, deps);
  const call = caller.call;
  let issued = 0;

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
    await revokeThrough(caller, config.revoke, token.id, token.label);
  };

  return {
    kind: 'http',
    issue,
    revoke,
    revoked: (scopes) => issueThenRevoke(issue, revoke, scopes),
    secrets: () => caller.secrets,
  };
}
