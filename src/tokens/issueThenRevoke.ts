import type { IssuedToken } from './provider.ts';

/**
 * A revoked token made for the purpose: issued, then revoked. Revoking a token the user relies on
 * would break their other work, so the revoked-token suite only ever uses one of these.
 */
export async function issueThenRevoke(issue: (scopes: string[]) => Promise<IssuedToken>, revoke: (token: IssuedToken) => Promise<void>, scopes: string[]): Promise<IssuedToken> {
  const token = await issue(scopes);
  await revoke(token);
  return { ...token, label: `${token.label} (revoked)` };
}
