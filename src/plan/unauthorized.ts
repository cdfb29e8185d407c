import type { Endpoint, Manifest } from '../manifest/types.ts';
import type { PlannerOptions } from './plannerOptions.ts';
import type { Case } from './case.ts';
import { baseRequest, generatedInputs, invalidBody, type Inputs } from './inputs.ts';
import { caseIdentity, makeCase, routeOf, type CaseParts } from './makeCase.ts';
import { forgeableFlaws } from './forgeableFlaws.ts';
import { forged, live } from './credentials.ts';
import { presentationCases } from './presentations.ts';
import { ownRefusalOf, refusalOf } from './refusalRules.ts';
import { forgedVariant, matrixCell, scopeVariant } from './sharedParts.ts';
import { flat } from './shared.ts';
import { tamperingCases } from './tampering.ts';
import { planConfusion } from './confusion.ts';
import { planCors } from './cors.ts';

/**
 * The unauthorized suite: no credentials; a live credential presented the way the scheme does not
 * accept (presentations.ts); forged and tampered tokens; and — the least-privilege check — a live
 * credential for every catalogued scope that does not grant the route.
 * Anonymous requests for unknown resources or with broken bodies must still get 401: authentication
 * comes before existence and validation, so an anonymous caller learns nothing.
 */
export function planUnauthorized(manifest: Manifest, endpoint: Endpoint, { seed: runSeed }: PlannerOptions): Case[] {
  // CORS is access control too (which sites may use the API from a browser), and public routes grant it as well.
  if (endpoint.public) return planCors(manifest, endpoint, { seed: runSeed, runs: 0 });
  const cases: Case[] = [];
  // One valid request per endpoint, which each variant presents differently: the variants differ in
  // their credentials alone.
  const base = baseRequest(endpoint, manifest, runSeed);
  const add = (variant: string, parts: (seed: number, inputs: Inputs) => Omit<CaseParts, 'inputs'> & { inputs?: Inputs }) => {
    const identity = caseIdentity(runSeed, endpoint, 'unauthorized', variant);
    const { inputs } = base();
    const built = parts(identity.seed, inputs);
    cases.push(makeCase(manifest, endpoint, 'unauthorized', variant, identity, { inputs, ...built }));
  };
  // Undefined for a route any valid credential grants: the live token then holds no scope.
  const granting = endpoint.scopes[0];

  add('no credentials', () => ({ expect: refusalOf(manifest, 'no-credentials', 'no credentials were sent') }));
  for (const p of presentationCases(manifest, granting)) add(p.variant, () => ({ credential: p.credential, expect: p.expect }));
  if (Object.keys(endpoint.params).length > 0) {
    add('no credentials, unknown resource', (seed) => ({
      inputs: generatedInputs(endpoint, manifest, seed),
      expect: refusalOf(manifest, 'no-credentials', 'authentication comes before existence'),
    }));
  }
  if (invalidBody(endpoint, manifest, 0)) {
    add('no credentials, invalid body', (seed, inputs) => {
      const broken = invalidBody(endpoint, manifest, seed)!;
      return {
        inputs: { ...inputs, body: broken.value },
        generated: broken.violation.label,
        expect: refusalOf(manifest, 'no-credentials', 'authentication comes before validation'),
      };
    });
  }
  for (const flaw of forgeableFlaws(manifest)) {
    const lacksScopes = flaw === 'missing-scope-claim';
    add(forgedVariant(flaw), () => ({
      credential: forged(flaw),
      expect: refusalOf(manifest, lacksScopes ? 'missing-scope-claim' : 'invalid-token', `a locally signed token that is ${flaw.replace(/-/g, ' ')}`),
    }));
  }
  for (const t of tamperingCases(manifest, granting)) add(t.variant, () => ({ credential: t.credential, expect: t.expect }));
  // A route any valid credential grants has no deny cells: every scope's credential is valid.
  const denying = endpoint.scopes.length === 0 ? [] : Object.keys(manifest.auth.scopes).filter((s) => !endpoint.scopes.includes(s));
  for (const scope of denying) {
    add(scopeVariant(manifest, scope), () => ({
      credential: live(manifest, scope),
      matrix: matrixCell(manifest, scope, 'deny'),
      // The reason names the route, so this expectation is the case's own; its parts are shared.
      expect: ownRefusalOf(manifest, 'insufficient-scope', flat(scope, ' does not grant ', routeOf(endpoint))),
    }));
  }
  cases.push(...planConfusion(manifest, endpoint, { seed: runSeed, runs: 0 }), ...planCors(manifest, endpoint, { seed: runSeed, runs: 0 }));
  return cases;
}
