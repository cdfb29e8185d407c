import { HardenError } from '../errors.ts';
import type { Plan, TokenFlaw, TokenTamper } from '../plan/case.ts';
import type { Redactor } from '../transport/redactor.ts';
import type { IssuedToken, TokenProvider } from './provider.ts';
import { tamperToken } from './tamperToken.ts';

/** The credentials one run holds, keyed by scope set. */
export interface TokenSet {
  live: Map<string, IssuedToken>;
  revoked?: IssuedToken;
  /** A token left to expire; `unavailable` says why expiry cannot be proven with it. */
  expired?: { token: IssuedToken; unavailable?: string };
  forged: Map<TokenFlaw, IssuedToken>;
  /** The rotation drill's tokens: `old` is issued up front, `replacement` by the drill's first step. */
  rotation?: { old: IssuedToken; replacement?: IssuedToken };
  /** Other principals' live tokens (the ownership suite), by principal, then by scope set. */
  principals?: Map<string, Map<string, IssuedToken>>;
  /** Live tokens changed one way, keyed by `tamperKey`; `undefined` where the change cannot be made. */
  tampered?: Map<string, IssuedToken | undefined>;
}

export const scopeKey = (scopes: readonly string[]) => [...scopes].sort().join(' ');

export const tamperKey = (tamper: TokenTamper, scopes: readonly string[]) => `${tamper}\n${scopeKey(scopes)}`;

/** Derives each tampered token the plan's cases name from the live token it changes, masked from the moment it exists. */
function tamperTokens(plan: Plan, live: Map<string, IssuedToken>, redactor: Redactor): Map<string, IssuedToken | undefined> {
  const tampered = new Map<string, IssuedToken | undefined>();
  for (const c of plan.cases) {
    const ref = c.credential?.token;
    if (ref?.kind !== 'tampered' || c.skip !== undefined || c.unproven !== undefined) continue;
    const key = tamperKey(ref.tamper, ref.scopes);
    const base = live.get(scopeKey(ref.scopes));
    if (tampered.has(key) || base === undefined) continue;
    const value = tamperToken(base.value, ref.tamper);
    const token = value === undefined ? undefined : { ...base, value, label: `${base.label} (${ref.tamper})`, disposable: false };
    if (token) redactor.add(token.value, token.label);
    tampered.set(key, token);
  }
  return tampered;
}

/**
 * Obtains every credential the plan needs before the first case is sent, and registers each
 * with the redactor the moment it exists. The revoked token holds every catalogued scope, so
 * revocation is the only reason left to refuse it.
 */
export async function acquireTokens(plan: Plan, provider: TokenProvider, catalogue: string[], redactor: Redactor, expiryWaitMs = 0): Promise<TokenSet> {
  for (const [i, secret] of provider.secrets().entries()) redactor.add(secret, `client-secret#${i + 1}`);
  provider.onSecret?.((secret, label) => redactor.add(secret, label));
  const live = new Map<string, IssuedToken>();
  for (const scopes of plan.tokens.scopeSets) {
    const token = await provider.issue(scopes);
    redactor.add(token.value, token.label);
    live.set(scopeKey(scopes), token);
  }
  let revoked: IssuedToken | undefined;
  if (plan.tokens.revoked) {
    revoked = await provider.revoked(catalogue);
    redactor.add(revoked.value, revoked.label);
  }
  const expired = plan.tokens.expired ? await expiringToken(provider, catalogue, redactor, expiryWaitMs) : undefined;
  const forged = new Map<TokenFlaw, IssuedToken>();
  for (const flaw of plan.tokens.forged) {
    if (!provider.forge) throw new HardenError('TOKEN_PROVIDER_FAILED', `The ${provider.kind} provider cannot forge tokens; forged-token cases need the jwt provider.`);
    const token = await provider.forge(flaw, catalogue);
    redactor.add(token.value, token.label);
    forged.set(flaw, token);
  }
  const rotation = plan.tokens.rotation ? { old: await provider.issue(catalogue) } : undefined;
  if (rotation) redactor.add(rotation.old.value, `${rotation.old.label} (rotation: old)`);
  return { live, revoked, expired, forged, rotation, tampered: tamperTokens(plan, live, redactor) };
}

/**
 * Revokes what the run issued, and only that. Best effort: a cleanup failure must not hide the verdicts.
 * The rotation's old token is revoked again (idempotent at the API) in case the drill stopped before its revoke step.
 */
export async function releaseTokens(tokens: TokenSet, provider: TokenProvider): Promise<void> {
  const rotation = tokens.rotation ? [tokens.rotation.old, ...(tokens.rotation.replacement ? [tokens.rotation.replacement] : [])] : [];
  for (const token of [...tokens.live.values(), ...rotation, ...(tokens.expired ? [tokens.expired.token] : [])]) {
    if (token.disposable) await provider.revoke(token).catch(() => undefined);
  }
}

/** Another principal's credentials, with the provider that issued them (to release them at the end). */
export interface PrincipalTokens {
  provider: TokenProvider;
  live: Map<string, IssuedToken>;
}

/**
 * Obtains every credential the plan needs of one other principal, from that principal's own provider,
 * each registered with the redactor the moment it exists, labelled with the principal's name.
 */
export async function acquirePrincipalTokens(name: string, scopeSets: string[][], provider: TokenProvider, redactor: Redactor): Promise<PrincipalTokens> {
  for (const [i, secret] of provider.secrets().entries()) redactor.add(secret, `${name} client-secret#${i + 1}`);
  provider.onSecret?.((secret, label) => redactor.add(secret, `${name} ${label}`));
  const live = new Map<string, IssuedToken>();
  for (const scopes of scopeSets) {
    const token = await provider.issue(scopes);
    const labelled = { ...token, label: `${name} ${token.label}` };
    redactor.add(labelled.value, labelled.label);
    live.set(scopeKey(scopes), labelled);
  }
  return { provider, live };
}

/**
 * A token for the expiry cases, issued now so that it expires while the other cases run. Expiry can
 * be proven only when its issuer said when (RFC 6749 §5.1 `expires_in`) and that is within the wait
 * the manifest allows past the start of the run (limits.expiryWaitSeconds).
 */
async function expiringToken(provider: TokenProvider, catalogue: string[], redactor: Redactor, waitMs: number): Promise<NonNullable<TokenSet['expired']>> {
  const token = await provider.issue(catalogue);
  redactor.add(token.value, `${token.label} (left to expire)`);
  if (token.expiresAt === undefined) return { token, unavailable: 'not proven: the token endpoint said nothing of when its tokens expire (no expires_in, RFC 6749 §5.1)' };
  const seconds = Math.ceil((token.expiresAt - Date.now()) / 1000);
  if (seconds * 1000 > waitMs) {
    return { token, unavailable: `not proven: the token expires in ${seconds} s, past limits.expiryWaitSeconds (${Math.round(waitMs / 1000)} s); raise it to wait for the expiry` };
  }
  return { token };
}
