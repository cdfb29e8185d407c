import type { Endpoint, Manifest } from '../manifest/types.ts';
import type { PlannerOptions } from './plannerOptions.ts';
import type { Case, Expectation, PlannedRequest, UnlistedMethod } from './case.ts';
import { baseRequest } from './inputs.ts';
import { caseIdentity, makeCase, routeOf, type CaseParts } from './makeCase.ts';
import { live } from './credentials.ts';
import { refusal } from './expectations.ts';
import { acceptance } from './positive.ts';
import { ruleStatuses } from './refusalRules.ts';
import { flat, shared } from './shared.ts';

/** Headers frameworks read to let a POST or GET stand for another method (none is in RFC 9110). */
export const OVERRIDE_HEADERS = ['X-HTTP-Method-Override', 'X-HTTP-Method', 'X-Method-Override'] as const;
/** Methods no manifest route lists (RFC 9110 §9.3.8; RFC 4918 §9.1): never served to an anonymous caller. */
export const UNLISTED_METHODS: readonly UnlistedMethod[] = ['TRACE', 'PROPFIND'];
/** State-changing methods first: the override most worth proving harmless. */
const OVERRIDE_ORDER = ['DELETE', 'PUT', 'PATCH', 'POST'];

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** Any refusal: a 4xx, or a redirect to the canonical path (not followed, so nothing is served). */
const NOT_SERVED = Object.freeze([301, 302, 303, 307, 308, ...range(400, 499)]);
/** An unlisted method: any 4xx, or 501 Not Implemented (RFC 9110 §15.6.2). */
const NOT_SUPPORTED = Object.freeze([...range(400, 499), 501]);

/** Literal (not parameter) segments in upper case: routers that fold case serve it, an exact-match rule does not guard it. */
const upperCased = (path: string, template: string) =>
  path.split('/').map((s, i) => (template.split('/')[i]?.startsWith('{') ? s : s.toUpperCase())).join('/');

/**
 * Path variants that a lenient router maps back to the route while an exact-match access rule does
 * not (RFC 3986 §5.2.4 dot segments, §6.2.3 normalisation); each turns the filled path into its variant.
 */
function pathVariants(template: string): [string, (path: string) => string][] {
  const variants: [string, (path: string) => string][] = [
    ['trailing slash', (p) => `${p.replace(/\/$/, '')}/`],
    ['doubled slash', (p) => `/${p}`],
    ['dot segment', (p) => `/.${p}`],
    ['encoded dot-dot segment', (p) => `/${p.split('/')[1] || 'x'}/%2e%2e${p}`],
  ];
  if (upperCased(template, template) !== template) variants.push(['upper case', (p) => upperCased(p, template)]);
  return variants;
}


/** Another documented method on the same path, with a scope that grants this route but not that one. */
function overrideTarget(manifest: Manifest, endpoint: Endpoint): { other: Endpoint; scope: string } | undefined {
  const others = manifest.endpoints.filter((e) => e.path === endpoint.path && e.method !== endpoint.method && !e.public);
  for (const other of others.sort((a, b) => rank(a) - rank(b))) {
    const scope = endpoint.scopes.find((s) => !other.scopes.includes(s));
    if (scope !== undefined) return { other, scope };
  }
  return undefined;
}
const rank = (e: Endpoint) => (OVERRIDE_ORDER.includes(e.method) ? OVERRIDE_ORDER.indexOf(e.method) : OVERRIDE_ORDER.length);

/**
 * The override may be ignored (the GET's documented answer), honoured under the overriding
 * method's access rule (its 403, as the scope matrix documents) or refused (400). Any other answer —
 * a 2xx the GET does not document, such as a DELETE's 204 — means the override ran with a token
 * that does not grant it.
 */
function overrideExpectation(manifest: Manifest, endpoint: Endpoint, other: Endpoint): Expectation {
  const accepted = acceptance(endpoint, manifest, true);
  const statuses = [...new Set([...accepted.statuses, ...ruleStatuses(manifest, 'insufficient-scope'), ...manifest.errors.statuses.invalid])];
  return { ...accepted, statuses, reason: flat('the override must not grant ', routeOf(other), ' to a token that only grants ', routeOf(endpoint), ": the GET's documented answer, the overriding route's 403 or a 400") };
}

/**
 * Method and path confusion for one protected route (issue 19): method-override headers carrying a
 * method the token is not scoped for (on GET routes only, so nothing but a broken API changes
 * state), unlisted methods, and path variants, the last two without credentials: never served.
 */
export function planConfusion(manifest: Manifest, endpoint: Endpoint, { seed: runSeed }: PlannerOptions): Case[] {
  if (endpoint.public) return [];
  const cases: Case[] = [];
  // One documented request per route, which each variant bends.
  const base = baseRequest(endpoint, manifest, runSeed);
  const add = (variant: string, request: (planned: PlannedRequest) => PlannedRequest, parts: Omit<CaseParts, 'inputs'>) => {
    const identity = caseIdentity(runSeed, endpoint, 'unauthorized', variant);
    const { inputs } = base();
    const built = makeCase(manifest, endpoint, 'unauthorized', variant, identity, { inputs, ...parts });
    cases.push({ ...built, request: request(built.request), repeat: parts.expect.outcome === 'reject' });
  };
  const target = endpoint.method === 'GET' ? overrideTarget(manifest, endpoint) : undefined;
  if (target) {
    const expect = overrideExpectation(manifest, endpoint, target.other);
    for (const header of OVERRIDE_HEADERS) {
      add(flat('method override: ', header, ' ', target.other.method), (r) => ({ ...r, headers: { ...r.headers, [header.toLowerCase()]: target.other.method } }), {
        credential: live(manifest, target.scope),
        expect,
      });
    }
  }
  // Per route, not once per path: a selective run plans a route's cases exactly as the whole plan does.
  for (const method of UNLISTED_METHODS) {
    const reason = flat(method, ' is not documented on ', endpoint.path, ': any 4xx, or 501');
    add(flat('unlisted method ', method, ', no credentials'), (r) => ({ ...r, method, body: undefined }), { expect: shared(manifest, `unlisted\n${reason}`, () => Object.freeze(refusal(NOT_SUPPORTED as number[], reason))) });
  }
  for (const [name, variantOf] of pathVariants(endpoint.path)) {
    const reason = flat('the path ', name === 'upper case' ? 'in upper case' : `with a ${name}`, ' names a protected route: not served without credentials (any 4xx or a redirect)');
    add(flat('path variant: ', name, ', no credentials'), (r) => ({ ...r, path: variantOf(r.path) }), {
      expect: shared(manifest, `path variant\n${reason}`, () => Object.freeze(refusal(NOT_SERVED as number[], reason))),
    });
  }
  return cases;
}
