import type { ImportWarning } from './importOpenApi.ts';
import { asArray, asObject, isObject } from './json.ts';
import { presentationWords, type AuthModel } from './securitySchemes.ts';

/** Who may call an endpoint: nobody needs a credential, any valid one, or one holding one of these scopes. */
export type Access = { kind: 'public' } | { kind: 'any-token' } | { kind: 'scopes'; scopes: string[] };

const list = (scopes: readonly string[]) => scopes.join(', ');

/**
 * Maps an operation's security requirements (its own, else the document's) to manifest access.
 * OpenAPI: requirement objects are alternatives (OR); the schemes and scopes inside one are all
 * needed (AND); `{}` makes authentication optional. The manifest's `scopes` mean "any one grants",
 * so OR-of-single-scopes is exact; anything else is kept valid and explained in a warning.
 */
export function endpointAccess(requirements: unknown, model: AuthModel, operation: string, warn: (w: ImportWarning) => void): Access {
  if (!Array.isArray(requirements) || requirements.length === 0) return { kind: 'public' };
  const alternatives: string[][] = [];
  const blocked: string[] = [];
  const otherUsable: boolean[] = [];
  for (const requirement of requirements.filter(isObject)) {
    const entries = Object.entries(requirement);
    // An empty requirement lets anonymous callers in: the token suites have nothing to refuse.
    if (entries.length === 0) return { kind: 'public' };
    const unusable = entries.filter(([scheme]) => !model.chosen.has(scheme));
    if (unusable.length > 0) {
      otherUsable.push(unusable.every(([s]) => model.usable.has(s)));
      blocked.push(unusable.map(([s]) => `"${s}" (${model.described.get(s) ?? model.unsupported.get(s) ?? 'not declared in securitySchemes'})`).join(' and '));
      continue;
    }
    const scopes = [...new Set(entries.flatMap(([, s]) => asArray(s).filter((x): x is string => typeof x === 'string' && x.length > 0)))];
    for (const scope of scopes) if (!model.catalogue.has(scope)) model.catalogue.set(scope, undefined);
    alternatives.push(scopes);
  }
  if (alternatives.length === 0) {
    warn({ operation, construct: 'security', message: `only ${blocked.join(', ')} can authorise it, and the manifest presents ${presentationWords(model.presentation)}; it is mapped as public, so positive cases are sent without credentials. ${otherUsable.every(Boolean) ? 'Import with auth.securityScheme naming its scheme to test it, or exclude it in the overlay.' : 'Exclude it in the overlay until the scheme is supported.'}` });
    return { kind: 'public' };
  }
  // Alternatives in another scheme the harness can present are said once for the document (chooseScheme).
  for (const what of blocked.filter((_, i) => !otherUsable[i])) {
    warn({ operation, construct: 'security', affects: 'coverage', message: `the alternative needing ${what} is left out: the manifest presents ${presentationWords(model.presentation)}.` });
  }
  if (alternatives.some((a) => a.length === 0)) return { kind: 'any-token' };
  const singles = [...new Set(alternatives.filter((a) => a.length === 1).flat())];
  const together = alternatives.filter((a) => a.length > 1);
  if (together.length === 0) return { kind: 'scopes', scopes: singles };
  const needs = together.map((a) => `[${list(a)}]`).join(' or ');
  if (singles.length > 0) {
    warn({ operation, construct: 'security', affects: 'coverage', message: `requires the scopes ${needs} together; the manifest's scopes mean any one grants, so only the single-scope alternatives (${list(singles)}) are kept and the combination is not tested.` });
    return { kind: 'scopes', scopes: singles };
  }
  const union = [...new Set(together.flat())];
  warn({
    operation,
    construct: 'security',
    message: `requires the scopes ${needs} together; the manifest's scopes mean any one grants, so it lists ${list(union)} and positive cases send a token holding only ${union[0]} (expect CREDENTIAL_REJECTED there). Exclude the operation in the overlay until the manifest supports scope sets.`,
  });
  return { kind: 'scopes', scopes: union };
}

/** The requirements that apply to an operation: its own `security`, else the document's. */
export function requirementsOf(op: Record<string, unknown>, root: Record<string, unknown>): unknown {
  return 'security' in op ? op.security : asObject(root).security;
}
