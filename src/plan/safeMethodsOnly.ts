import type { Plan } from './case.ts';
import { withCases } from './withCases.ts';
import { OVERRIDE_HEADERS } from './confusion.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const overridden = (headers: Record<string, string>): string | undefined =>
  OVERRIDE_HEADERS.map((h) => headers[h.toLowerCase()]).find((m) => m !== undefined);

/**
 * For shared environments: every case that would send a state-changing method (RFC 9110 §9.2.1) is
 * kept in the plan but skipped, so reports show what was not tested. The rotation drill's token
 * steps stay: issuing and revoking its own disposable tokens is how the harness proves revocation.
 */
export function safeMethodsOnly(plan: Plan): Plan {
  const reason = `not sent: --safe-methods-only excludes state-changing methods`;
  return withCases(
    plan,
    plan.cases.map((c) => {
      // A method-override header names the method a broken API would run instead.
      const method = overridden(c.request.headers) ?? c.request.method;
      return SAFE.has(method) || c.route === 'token provider' ? c : { ...c, skip: `${reason} (${method})` };
    }),
  );
}
