import type { Policy, RuleId } from './policy.ts';
import type { Register, RegisterToken } from './register.ts';

export interface Violation {
  rule: RuleId;
  tokenId: string;
  message: string;
}

/** What the audit knows beyond the register; a missing input skips its rule with a note. */
export interface AuditContext {
  policy: Policy;
  now: Date;
  /** Scope names of the manifest's catalogue (`--manifest`). */
  catalogue?: { scopes: string[]; source: string };
  previous?: Register;
}

const DAY_MS = 86_400_000;
const blank = (text: string | undefined) => text === undefined || text.trim() === '';
const where = (t: RegisterToken) => `(${t.environments.join(', ')}${t.line !== undefined ? `, line ${t.line}` : ''})`;

/** Days since the token last changed: lastRotated, or created when it never rotated. */
export function rotationAgeDays(t: RegisterToken, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(t.lastRotated ?? t.created)) / DAY_MS);
}

type Check = (t: RegisterToken, ctx: AuditContext) => string[];

/** One function per rule, each returning what is wrong with one register entry (empty: it holds). */
export const CHECKS: Record<Exclude<RuleId, 'shared-environment'>, Check> = {
  orphan: (t) => {
    const missing = [blank(t.owner) && 'owner', blank(t.purpose) && 'purpose'].filter(Boolean);
    return missing.length > 0 ? [`no ${missing.join(' and no ')} ${where(t)}: nobody can say whether it is still needed`] : [];
  },
  stale: (t, { policy, now }) => {
    const age = rotationAgeDays(t, now);
    return age > policy.maxRotationAgeDays ? [`last rotated ${t.lastRotated ?? `never (created ${t.created})`}, ${age} days ago, over the policy's ${policy.maxRotationAgeDays} ${where(t)}`] : [];
  },
  expired: (t, { now }) =>
    t.expires !== undefined && Date.parse(t.expires) <= now.getTime() ? [`expired ${t.expires} but still listed ${where(t)}: remove it, or record its replacement`] : [],
  'unknown-scope': (t, { catalogue }) =>
    t.scopes.filter((s) => !catalogue!.scopes.includes(s)).map((s) => `scope "${s}" is not in the catalogue of ${catalogue!.source} ${where(t)}`),
  'unapproved-scope': (t, { previous }) => {
    const before = new Set(previous!.tokens.filter((p) => p.id === t.id).flatMap((p) => p.scopes));
    return t.scopes.filter((s) => !before.has(s) && blank(t.approvals[s])).map((s) => `scope "${s}" was added without an approval reference ${where(t)}: add approvals: { "${s}": CHG-… }`);
  },
};

/** Production and non-production sharing one credential: one leak then reaches both. */
function sharedEnvironment(entries: RegisterToken[], policy: Policy): string[] {
  const envs = [...new Set(entries.flatMap((t) => t.environments))];
  const production = envs.filter((e) => policy.productionEnvironments.includes(e));
  const other = envs.filter((e) => !policy.productionEnvironments.includes(e));
  return production.length > 0 && other.length > 0 ? [`used in production (${production.join(', ')}) and outside it (${other.join(', ')}): issue a separate token per side`] : [];
}

/** Every violation of one rule, per token id, in register order. */
export function checkRule(rule: RuleId, register: Register, ctx: AuditContext): Violation[] {
  const ids = [...new Set(register.tokens.map((t) => t.id))];
  return ids.flatMap((tokenId) => {
    const entries = register.tokens.filter((t) => t.id === tokenId);
    const messages = rule === 'shared-environment' ? sharedEnvironment(entries, ctx.policy) : entries.flatMap((t) => CHECKS[rule](t, ctx));
    return messages.map((message) => ({ rule, tokenId, message }));
  });
}
