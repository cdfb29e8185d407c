import type { Endpoint, Manifest } from '../manifest/types.ts';
import type { PlannerOptions } from './plannerOptions.ts';
import type { Case, ChallengeExpectation, Credential, Expectation } from './case.ts';
import { exampleInputs, generatedInputs, invalidBody, type Inputs } from './inputs.ts';
import { bearer, caseIdentity, makeCase, type CaseParts } from './makeCase.ts';
import { forgeableFlaws } from './forgeableFlaws.ts';

/** RFC 6750 §3.1: a request without credentials gets a challenge with no error code. */
const BARE: ChallengeExpectation = { scheme: 'Bearer', errors: [null] };
/** For credentials the API cannot use, any of the RFC 6750 codes (or none) is a fair answer. */
const ANY_CODE: ChallengeExpectation = { scheme: 'Bearer', errors: [null, 'invalid_request', 'invalid_token'] };

function refused(manifest: Manifest, reason: string, challenge: ChallengeExpectation): Expectation {
  return { outcome: 'reject', statuses: manifest.errors.statuses.unauthenticated, reason, challenge };
}

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
  const header = (template: string, token = true): Credential => ({
    placement: 'header',
    template,
    token: token ? { kind: 'live', scopes: [granting] } : undefined,
  });

  add('no credentials', () => ({ expect: refused(manifest, 'no credentials were sent', BARE) }));
  add('wrong scheme', () => ({ credential: header('Token {token}'), expect: refused(manifest, 'a live token under a scheme other than Bearer', ANY_CODE) }));
  add('empty bearer', () => ({ credential: header('Bearer ', false), expect: refused(manifest, 'an empty bearer token', ANY_CODE) }));
  if (!manifest.auth.allowQueryToken) {
    add('token in query string', () => ({
      credential: { placement: 'query', template: 'access_token', token: { kind: 'live', scopes: [granting] } },
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
    add(`forged token: ${flaw}`, () => ({
      credential: { placement: 'header', template: 'Bearer {token}', token: { kind: 'forged', flaw } },
      expect: {
        outcome: 'reject',
        // A token without a scope claim may be judged valid-but-insufficient: 403 insufficient_scope is fair too.
        statuses: lacksScopes ? [...manifest.errors.statuses.unauthenticated, ...manifest.errors.statuses.forbidden] : manifest.errors.statuses.unauthenticated,
        reason: `a locally signed token that is ${flaw.replace(/-/g, ' ')}`,
        challenge: { scheme: 'Bearer', errors: lacksScopes ? ['invalid_token', 'insufficient_scope'] : ['invalid_token'] },
      },
    }));
  }
  for (const scope of Object.keys(manifest.auth.scopes).filter((s) => !endpoint.scopes.includes(s))) {
    add(`scope ${scope}`, () => ({
      credential: bearer([scope]),
      matrix: { scope, expected: 'deny' },
      expect: {
        outcome: 'reject',
        statuses: manifest.errors.statuses.forbidden,
        reason: `${scope} does not grant ${endpoint.method} ${endpoint.path}`,
        challenge: { scheme: 'Bearer', errors: ['insufficient_scope'] },
      },
    }));
  }
  return cases;
}
