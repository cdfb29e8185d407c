import type { StaticTokenProviderConfig } from '../manifest/types.ts';

/** `orders:read` → `HARDEN_TOKEN_ORDERS_READ`. */
const envName = (scope: string) => `HARDEN_TOKEN_${scope.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`;

/**
 * Without an overlay saying how to obtain tokens, the manifest reads them from the environment:
 * one variable per catalogued scope, and one holding a revoked token. Reviewable, and it fails
 * with a clear message naming the variable if one is missing at run time.
 */
export function placeholderTokens(catalogue: readonly string[]): StaticTokenProviderConfig {
  // No scopes named: one credential, valid for every protected route.
  if (catalogue.length === 0) return { provider: 'static', tokens: [{ scopes: [], env: 'HARDEN_TOKEN' }], revoked: { env: 'HARDEN_REVOKED_TOKEN' } };
  const taken = new Set<string>();
  const tokens = catalogue.map((scope) => {
    let env = envName(scope);
    for (let i = 2; taken.has(env); i++) env = `${envName(scope)}_${i}`;
    taken.add(env);
    return { scopes: [scope], env };
  });
  return { provider: 'static', tokens, revoked: { env: 'HARDEN_REVOKED_TOKEN' } };
}
