import { HardenError } from '../errors.ts';
import type { StaticTokenProviderConfig } from '../manifest/types.ts';
import type { IssuedToken, TokenProvider } from './provider.ts';
import { readEnv } from './readEnv.ts';

/** Tokens the user minted, read from environment variables named in the manifest. Never revoked by the run. */
export function staticProvider(config: StaticTokenProviderConfig, env: NodeJS.ProcessEnv): TokenProvider {
  const key = (scopes: string[]) => [...scopes].sort().join(' ');
  return {
    kind: 'static',
    async issue(scopes) {
      // No scopes asked: a route any valid credential grants. Any listed credential is one; the one
      // holding the fewest scopes is closest to least privilege.
      const entry =
        scopes.length === 0
          ? [...config.tokens].sort((a, b) => a.scopes.length - b.scopes.length)[0]
          : config.tokens.find((t) => key(t.scopes) === key(scopes));
      if (!entry) {
        throw new HardenError('TOKEN_PROVIDER_FAILED', `No static token holds exactly [${scopes.join(' ')}]; add one to auth.tokens.tokens with the environment variable that carries it.`);
      }
      return { value: readEnv(entry.env, env, `token for [${scopes.join(' ')}]`), scopes, label: `$${entry.env}`, disposable: false };
    },
    async revoked(): Promise<IssuedToken> {
      if (!config.revoked) {
        throw new HardenError('TOKEN_PROVIDER_FAILED', 'The revoked-token suite needs a revoked token; name its environment variable in auth.tokens.revoked, or leave the suite out with --suites.');
      }
      const value = readEnv(config.revoked.env, env, 'the revoked token');
      // A "revoked" token that is also a live one proves nothing about revocation: a usage error, not a finding.
      const same = config.tokens.find((t) => env[t.env] === value);
      if (same) {
        throw new HardenError('OPTION_INVALID', `The revoked token ($${config.revoked.env}) is the same value as the live token $${same.env} for [${same.scopes.join(' ')}], so a refusal could not prove revocation. Name a token that was revoked in auth.tokens.revoked, or leave the suite out with --suites.`);
      }
      return { value, scopes: [], label: `$${config.revoked.env}`, disposable: false };
    },
    async revoke() {
      // Static tokens belong to the user; the run never revokes them.
    },
    secrets: () => [],
  };
}
