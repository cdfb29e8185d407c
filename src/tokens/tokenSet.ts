import { HardenError } from '../errors.ts';
import type { Plan, TokenFlaw, TokenTamper } from '../plan/case.ts';
import type { Redactor } from '../transport/redactor.ts';
import type { IssuedToken, TokenProvider } from './provider.ts';
import { tamperToken } from './tamperToken.ts';

/** The credentials one run holds, keyed by scope set. */
export interface TokenSet {
  live: Map<string, IssuedToken>;
  revoked?: IssuedToken;
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
export async function acquireTokens(plan: Plan, provider: TokenProvider, catalogue: string[], redactor: Redactor): Promise<TokenSet> {
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
  const forged = new Map<TokenFlaw, IssuedToken>();
  for (const flaw of plan.tokens.forged) {
    if (!provider.forge) throw new HardenError('TOKEN_PROVIDER_FAILED', `The ${provider.kind} provider cannot forge tokens; forged-token cases need the jwt provider.`);
    const token = await provider.forge(flaw, catalogue);
    redactor.add(token.value, token.label);
    forged.set(flaw, token);
  }
  const rotation = plan.tokens.rotation ? { old: await provider.issue(catalogue) } : undefined;
  if (rotation) redactor.add(rotation.old.value, `${rotation.old.label} (rotation: old)`);
  return { live, revoked, forged, rotation, tampered: tamperTokens(plan, live, redactor) };
}

/**
 * Revokes what the run issued, and only that. Best effort: a cleanup failure must not hide the verdicts.
 * The rotation's old token is revoked again (idempotent at the API) in case the drill stopped before its revoke step.
 */
export async function releaseTokens(tokens: TokenSet, provider: TokenProvider): Promise<void> {
  const rotation = tokens.rotation ? [tokens.rotation.old, ...(tokens.rotation.replacement ? [tokens.rotation.replacement] : [])] : [];
  for (const token of [...tokens.live.values(), ...rotation]) {
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
