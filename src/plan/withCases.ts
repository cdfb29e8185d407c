import { TOKEN_FLAWS, type Case, type Plan } from './case.ts';

/** The credentials a set of cases needs, and no more: a run must not issue tokens it will not use. */
export function tokensFor(all: readonly Case[]): Plan['tokens'] {
  const cases = all.filter((c) => c.skip === undefined && c.unproven === undefined);
  const scopeSets = new Map<string, string[]>();
  const principals = new Map<string, Map<string, string[]>>();
  for (const c of cases) {
    const token = c.credential?.token;
    if (token?.kind === 'live' && token.principal !== undefined) {
      const sets = principals.get(token.principal) ?? new Map<string, string[]>();
      sets.set(token.scopes.join(' '), token.scopes);
      principals.set(token.principal, sets);
    // A tampered token is derived from the live one with the same scopes, so that one is issued.
    } else if (token?.kind === 'live' || token?.kind === 'tampered') scopeSets.set(token.scopes.join(' '), token.scopes);
  }
  return {
    scopeSets: [...scopeSets.values()],
    revoked: cases.some((c) => c.credential?.token?.kind === 'revoked'),
    expired: cases.some((c) => c.credential?.token?.kind === 'expired'),
    rotation: cases.some((c) => c.rotation !== undefined),
    principals: Object.fromEntries([...principals].map(([name, sets]) => [name, [...sets.values()]])),
    forged: TOKEN_FLAWS.filter((flaw) => cases.some((c) => c.credential?.token?.kind === 'forged' && c.credential.token.flaw === flaw)),
  };
}

/** The plan narrowed to some of its cases (--case, --shard), with its token needs recomputed to match. */
export function withCases(plan: Plan, cases: Case[]): Plan {
  return { ...plan, cases, tokens: tokensFor(cases) };
}
