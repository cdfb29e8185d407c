import { HardenError } from '../errors.ts';
import type { HttpTokenProviderConfig } from '../manifest/types.ts';
import { clientCaller, revokeThrough, type CallerDeps } from './clientCaller.ts';
import { fillEnv } from './fillEnv.ts';
import { fillTemplate } from './fillTemplate.ts';
import { issueThenRevoke } from './issueThenRevoke.ts';
import type { IssuedToken, TokenProvider } from './provider.ts';
import { readPointer } from './readPointer.ts';

/** Issues and revokes tokens through the API's own routes (or a login route), as the manifest describes them. */
export function httpProvider(config: HttpTokenProviderConfig, deps: CallerDeps): TokenProvider {
  const caller = clientCaller(config.clientAuth, deps);
  const call = caller.call;
  const template = config.issue.body ?? { scopes: '{{scopes}}' };
  // Read once up front, so a missing variable stops the run before the first request.
  const bodySecrets = fillEnv(template, deps.env).secrets;
  let issued = 0;

  const issue = async (scopes: string[]): Promise<IssuedToken> => {
    const { method, path, encoding, tokenPointer, idPointer } = config.issue;
    const response = await call(method, path, fillEnv(fillTemplate(template, scopes), deps.env).body, encoding);
    if (response.status < 200 || response.status >= 300) {
      throw new HardenError('TOKEN_PROVIDER_FAILED', `Issuing a token for [${scopes.join(' ')}] with ${method} ${path} answered ${response.status}. Check the credentials the manifest names and that the scopes exist.`);
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

  const cannotRevoke = (what: string) => new HardenError('TOKEN_PROVIDER_FAILED', `${what} cannot be revoked: the manifest says the API has no revocation (revocation: none), so revocation is not proven.`);
  const revoke = async (token: IssuedToken) => {
    if (!token.disposable) return;
    if (config.revoke === 'none') throw cannotRevoke(token.label);
    if (token.id === undefined) {
      throw new HardenError('TOKEN_PROVIDER_FAILED', `The issue answer had no token id at ${config.issue.idPointer}, so the token cannot be revoked; set auth.tokens.issue.idPointer.`);
    }
    await revokeThrough(caller, config.revoke, token.id, token.label);
  };

  return {
    kind: 'http',
    issue,
    revoke,
    // Refused before issuing: a token the run cannot revoke would only linger until it expires.
    revoked: async (scopes) => {
      if (config.revoke === 'none') throw cannotRevoke('A token');
      return issueThenRevoke(issue, revoke, scopes);
    },
    secrets: () => [...caller.secrets, ...bodySecrets],
  };
}
