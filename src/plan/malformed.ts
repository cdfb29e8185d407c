import type { Endpoint, Manifest } from '../manifest/types.ts';
import type { PlannerOptions } from './plannerOptions.ts';
import type { Case, ChallengeExpectation, Expectation } from './case.ts';
import { bodyViolations, exampleInputs, invalidBody, type Inputs } from './inputs.ts';
import { bearer, caseIdentity, makeCase, type CaseParts } from './makeCase.ts';

const ANY_CODE: ChallengeExpectation = { scheme: 'Bearer', errors: [null, 'invalid_request', 'invalid_token'] };

function refused(statuses: number[], reason: string, challenge?: ChallengeExpectation): Expectation {
  return { outcome: 'reject', statuses, reason, challenge };
}

/** Valid JSON cut short: the cheapest way to break a parser. */
function truncated(json: string): string {
  return json.length > 2 ? json.slice(0, Math.max(1, Math.floor(json.length / 2))) : '{"';
}

/**
 * The malformed suite: a live, sufficient token with requests the API must refuse as invalid —
 * broken JSON, the wrong content type, a body breaking one schema constraint, an oversized body,
 * and a malformed Authorization header. Never a 2xx, never a 5xx.
 */
export function planMalformed(manifest: Manifest, endpoint: Endpoint, { seed: runSeed, runs }: PlannerOptions): Case[] {
  const cases: Case[] = [];
  const statuses = manifest.errors.statuses;
  const credential = endpoint.public ? undefined : bearer([endpoint.scopes[0]!]);
  const add = (variant: string, parts: (seed: number, inputs: Inputs) => Omit<CaseParts, 'inputs'> & { inputs?: Inputs }) => {
    const identity = caseIdentity(runSeed, endpoint, 'malformed', variant);
    const inputs = exampleInputs(endpoint, manifest, identity.seed).inputs;
    cases.push(makeCase(manifest, endpoint, 'malformed', variant, identity, { inputs, credential, ...parts(identity.seed, inputs) }));
  };

  if (endpoint.body !== undefined) {
    add('broken JSON', (_seed, inputs) => ({
      rawBody: { text: truncated(JSON.stringify(inputs.body)), contentType: endpoint.contentType },
      expect: refused(statuses.malformedJson, 'the body is not valid JSON'),
    }));
    add('hostile bodies', (_seed, inputs) => ({
      rawBody: { text: truncated(JSON.stringify(inputs.body)), contentType: endpoint.contentType },
      generated: 'bodies that are not JSON, or JSON that cannot be the documented object',
      // Unparsable or the wrong shape: either refusal the contract names is right.
      expect: refused([...new Set([...statuses.malformedJson, ...statuses.invalid])], 'the body is not JSON, or not the documented object'),
      // Every hostile body is sent once, as fast-check examples; one random run is all fast-check needs besides.
      fuzz: { generator: 'hostile-bodies', runs: 1 },
    }));
    add('wrong content type', (_seed, inputs) => ({
      rawBody: { text: JSON.stringify(inputs.body), contentType: 'text/plain' },
      expect: refused(statuses.unsupportedMediaType, `the body is sent as text/plain, not ${endpoint.contentType}`),
    }));
    const violations = bodyViolations(endpoint, manifest);
    if (violations.length > 0) {
      add('schema violations', (seed, inputs) => {
        const first = invalidBody(endpoint, manifest, seed)!;
        return {
          inputs: { ...inputs, body: first.value },
          generated: `${runs} bodies, each breaking one of: ${violations.map((v) => v.label).join(', ')}`,
          expect: refused(statuses.invalid, 'the body breaks one constraint of its schema'),
          fuzz: { generator: 'schema-violations', runs },
        };
      });
    }
    const limit = manifest.limits.maxBodyBytes;
    if (limit !== undefined) {
      add('oversized body', () => ({
        // A JSON string just past the documented limit: valid JSON, so only its size is wrong.
        rawBody: { text: JSON.stringify({ padding: 'x'.repeat(limit + 1024) }), contentType: endpoint.contentType },
        expect: refused(statuses.tooLarge, `the body exceeds the documented ${limit} bytes`),
      }));
    }
  }
  if (!endpoint.public) {
    add('malformed authorization header', () => ({
      // A live token followed by junk: RFC 6750 §2.1's b64token syntax does not allow it, and a server
      // that splits on whitespace and takes a part would accept it.
      credential: { placement: 'header', template: 'Bearer {token} {token}', token: { kind: 'live', scopes: [endpoint.scopes[0]!] } },
      expect: refused(statuses.malformedCredentials, 'the Authorization header does not follow RFC 6750 §2.1', ANY_CODE),
    }));
    add('malformed authorization headers', () => ({
      credential: { placement: 'header', template: 'Bearer {token} x', token: { kind: 'live', scopes: [endpoint.scopes[0]!] } },
      generated: 'Authorization headers outside RFC 6750 §2.1: junk after a live token, characters outside b64token, overlong tokens, empty bearers',
      expect: refused(statuses.malformedCredentials, 'the Authorization header does not follow RFC 6750 §2.1', ANY_CODE),
      fuzz: { generator: 'malformed-authorization', runs: Math.min(runs, 20) },
    }));
  }
  return cases;
}
