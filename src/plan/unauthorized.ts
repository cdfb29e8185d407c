import type { Endpoint, Manifest } from '../manifest/types.ts';
import type { PlannerOptions } from './plannerOptions.ts';
import type { Case, ChallengeExpectation, Expectation } from './case.ts';
import { exampleInputs, generatedInputs, invalidBody, type Inputs } from './inputs.ts';
import { caseIdentity, makeCase, routeOf, type CaseParts } from './makeCase.ts';
import { forgeableFlaws } from './forgeableFlaws.ts';
import { ANY_CODE, BARE, INSUFFICIENT_SCOPE, INVALID_OR_INSUFFICIENT, INVALID_TOKEN } from './challenges.ts';
import { bearer, EMPTY_BEARER, forged, live } from './credentials.ts';
import { refusal, refused as sharedRefusal } from './expectations.ts';
import { forgedVariant, matrixCell, scopeVariant } from './sharedParts.ts';
import { flat } from './shared.ts';

const refused = (manifest: Manifest, reason: string, challenge: ChallengeExpectation): Expectation =>
  sharedRefusal(manifest, manifest.errors.statuses.unauthenticated, reason, challenge);

/**
 * The unauthorized suite: no credentials, the wrong scheme, an empty bearer, the token in the query,
 * and — the least-privilege check — a live token for every catalogued scope that does not grant the route.
 * Anonymous requests for unknown resources or with broken bodies must still get 401: authentication
 * comes before existence and validation, so an anonymous caller learns nothing.
 */
export function planUnauthorized(manifest: Manifest, endpoint: Endpoint, { seed: runSeed }: PlannerOptions): Case[] {
  if (endpoint.public) return [];
  const cases: Case[] = [];
  const add = (variant: string, parts: (seed: number, inputs: Inputs) => Omit<CaseParts, 'inputs'> & { inputs?: Inputs }) => {
    const identity = caseIdentity(runSeed, endpoint, 'unauthorized', variant);
    const inputs = exampleInputs(endpoint, manifest, identity.seed).inputs;
    const built = parts(identity.seed, inputs);
    cases.push(makeCase(manifest, endpoint, 'unauthorized', variant, identity, { inputs, ...built }));
  };
  const granting = endpoint.scopes[0]!;

  add('no credentials', () => ({ expect: refused(manifest, 'no credentials were sent', BARE) }));
  add('wrong scheme', () => ({ credential: live(manifest, granting, 'Token {token}'), expect: refused(manifest, 'a live token under a scheme other than Bearer', ANY_CODE) }));
  add('empty bearer', () => ({ credential: EMPTY_BEARER, expect: refused(manifest, 'an empty bearer token', ANY_CODE) }));
  if (!manifest.auth.allowQueryToken) {
    add('token in query string', () => ({
      credential: live(manifest, granting, 'access_token', 'query'),
      expect: refused(manifest, 'the manifest does not allow ?access_token= (RFC 6750 §2.3)', ANY_CODE),
    }));
  }
  if (Object.keys(endpoint.params).length > 0) {
    add('no credentials, unknown resource', (seed) => ({
      inputs: generatedInputs(endpoint, manifest, seed),
      expect: refused(manifest, 'authentication comes before existence', BARE),
    }));
  }
  if (invalidBody(endpoint, manifest, 0)) {
    add('no credentials, invalid body', (seed, inputs) => {
      const broken = invalidBody(endpoint, manifest, seed)!;
      return {
        inputs: { ...inputs, body: broken.value },
        generated: broken.violation.label,
        expect: refused(manifest, 'authentication comes before validation', BARE),
      };
    });
  }
  for (const flaw of forgeableFlaws(manifest)) {
    const lacksScopes = flaw === 'missing-scope-claim';
    add(forgedVariant(flaw), () => ({
      credential: forged(flaw),
      expect: sharedRefusal(
        manifest,
        // A token without a scope claim may be judged valid-but-insufficient: 403 insufficient_scope is fair too.
        lacksScopes ? [...manifest.errors.statuses.unauthenticated, ...manifest.errors.statuses.forbidden] : manifest.errors.statuses.unauthenticated,
        `a locally signed token that is ${flaw.replace(/-/g, ' ')}`,
        lacksScopes ? INVALID_OR_INSUFFICIENT : INVALID_TOKEN,
      ),
    }));
  }
  for (const scope of Object.keys(manifest.auth.scopes).filter((s) => !endpoint.scopes.includes(s))) {
    add(scopeVariant(manifest, scope), () => ({
      credential: bearer(manifest, scope),
      matrix: matrixCell(manifest, scope, 'deny'),
      // The reason names the route, so this expectation is the case's own; its parts are shared.
      expect: refusal(manifest.errors.statuses.forbidden, flat(scope, ' does not grant ', routeOf(endpoint)), INSUFFICIENT_SCOPE),
    }));
  }
  return cases;
}
