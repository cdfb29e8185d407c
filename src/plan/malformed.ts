import type { Endpoint, Manifest } from '../manifest/types.ts';
import type { PlannerOptions } from './plannerOptions.ts';
import type { Case } from './case.ts';
import { baseRequest, bodyViolations, invalidBody, type Inputs } from './inputs.ts';
import { caseIdentity, makeCase, type CaseParts } from './makeCase.ts';
import { live, liveAs } from './credentials.ts';
import { refusalOf } from './refusalRules.ts';
import { fuzzSpec } from './sharedParts.ts';
import { shared } from './shared.ts';
import { deriveSeed } from './deriveSeed.ts';
import { parameterViolations, violatedInputs, violationReason, violationVariant } from './parameterViolations.ts';
import { contentTypeVariants, servedOrRefused } from './contentTypeVariants.ts';
import { hostileFields } from './hostileValues.ts';

/** Valid JSON cut short: the cheapest way to break a parser. */
function truncated(json: string): string {
  return json.length > 2 ? json.slice(0, Math.max(1, Math.floor(json.length / 2))) : '{"';
}

/**
 * The malformed suite: a live, sufficient token with requests the API must refuse as invalid —
 * broken JSON, the wrong content type, a body breaking one schema constraint, an oversized body,
 * a required query or header parameter left out or one outside its schema, and a malformed
 * Authorization header. Never a 2xx, never a 5xx.
 */
export function planMalformed(manifest: Manifest, endpoint: Endpoint, { seed: runSeed, runs }: PlannerOptions): Case[] {
  const cases: Case[] = [];
  const credential = endpoint.public ? undefined : live(manifest, endpoint.scopes[0]);
  // One valid request per endpoint, of which each variant breaks one part.
  const base = baseRequest(endpoint, manifest, runSeed);
  const add = (variant: string, parts: (seed: number, inputs: Inputs) => Omit<CaseParts, 'inputs'> & { inputs?: Inputs }) => {
    const identity = caseIdentity(runSeed, endpoint, 'malformed', variant);
    const { inputs } = base();
    cases.push(makeCase(manifest, endpoint, 'malformed', variant, identity, { inputs, credential, ...parts(identity.seed, inputs) }));
  };

  if (endpoint.body !== undefined) {
    add('broken JSON', (_seed, inputs) => ({
      rawBody: { text: truncated(JSON.stringify(inputs.body)), contentType: endpoint.contentType },
      expect: refusalOf(manifest, 'malformed-json', 'the body is not valid JSON'),
    }));
    add('hostile bodies', (_seed, inputs) => ({
      rawBody: { text: truncated(JSON.stringify(inputs.body)), contentType: endpoint.contentType },
      generated: 'bodies that are not JSON, or JSON that cannot be the documented object',
      expect: refusalOf(manifest, 'hostile-body', 'the body is not JSON, or not the documented object'),
      // Every hostile body is sent once, as fast-check examples; one random run is all fast-check needs besides.
      fuzz: fuzzSpec(manifest, 'hostile-bodies', 1),
    }));
    add('wrong content type', (_seed, inputs) => ({
      rawBody: { text: JSON.stringify(inputs.body), contentType: 'text/plain' },
      expect: refusalOf(manifest, 'unsupported-media-type', `the body is sent as text/plain, not ${endpoint.contentType}`),
    }));
    for (const v of contentTypeVariants(endpoint)) {
      add(v.variant, (_seed, inputs) => ({
        inputs: v.alsoSent === undefined ? inputs : { ...inputs, headers: { ...inputs.headers, 'Content-Type': v.alsoSent } },
        rawBody: { text: JSON.stringify(inputs.body), contentType: v.contentType },
        // Whether every input is a documented example does not depend on the seed: the base request's answer.
        expect: servedOrRefused(manifest, endpoint, base().complete, v),
      }));
    }
    if (hostileFields(endpoint.body, manifest).length > 0) {
      add('hostile values', (_seed, inputs) => ({
        inputs,
        generated: shared(manifest, `hostile values ${runs}`, () => `${runs} valid bodies but for one field, at any depth, holding a hostile value (NUL, lone surrogate, 2^53+1, ±1e308, 1e400, prototype keys, 200-deep nesting, 1 MB string)`),
        expect: refusalOf(manifest, 'hostile-value', 'one field of an otherwise valid body holds a hostile value'),
        fuzz: fuzzSpec(manifest, 'hostile-values', runs),
      }));
    }
    const violations = bodyViolations(endpoint, manifest);
    if (violations.length > 0) {
      add('schema violations', (seed, inputs) => {
        const first = invalidBody(endpoint, manifest, seed)!;
        return {
          inputs: { ...inputs, body: first.value },
          // The violations are cached per schema, so endpoints with one body schema share this text.
          generated: shared(violations, `generated ${runs}`, () => `${runs} bodies, each breaking one of: ${violations.map((v) => v.label).join(', ')}`),
          expect: refusalOf(manifest, 'invalid-input', 'the body breaks one constraint of its schema'),
          fuzz: fuzzSpec(manifest, 'schema-violations', runs),
        };
      });
    }
    const limit = manifest.limits.maxBodyBytes;
    if (limit !== undefined) {
      add('oversized body', () => ({
        // A JSON string just past the documented limit: valid JSON, so only its size is wrong.
        // Shared by every endpoint with this content type: one copy of 17 kB, not one per endpoint.
        rawBody: shared(manifest, `oversized body\n${limit}\n${endpoint.contentType}`, () =>
          Object.freeze({ text: JSON.stringify({ padding: 'x'.repeat(limit + 1024) }), contentType: endpoint.contentType }),
        ),
        expect: refusalOf(manifest, 'too-large', `the body exceeds the documented ${limit} bytes`),
      }));
    }
  }
  const parameterSeed = (which: string) => deriveSeed(runSeed, `${endpoint.id}/malformed/${which}`);
  for (const violation of parameterViolations(manifest, endpoint, parameterSeed)) {
    add(violationVariant(violation), (_seed, inputs) => ({
      inputs: violatedInputs(inputs, violation),
      expect: refusalOf(manifest, 'invalid-input', violationReason(violation)),
    }));
  }
  if (!endpoint.public && manifest.auth.scheme === 'bearer') {
    add('malformed authorization header', () => ({
      // A live token followed by junk: RFC 6750 §2.1's b64token syntax does not allow it, and a server
      // that splits on whitespace and takes a part would accept it.
      credential: liveAs(manifest, endpoint.scopes[0], 'header', 'authorization', 'Bearer {token} {token}'),
      expect: refusalOf(manifest, 'malformed-credentials', 'the Authorization header does not follow RFC 6750 §2.1'),
    }));
    add('malformed authorization headers', () => ({
      credential: liveAs(manifest, endpoint.scopes[0], 'header', 'authorization', 'Bearer {token} x'),
      generated: 'Authorization headers outside RFC 6750 §2.1: junk after a live token, characters outside b64token, overlong tokens, empty bearers',
      expect: refusalOf(manifest, 'malformed-credentials', 'the Authorization header does not follow RFC 6750 §2.1'),
      fuzz: fuzzSpec(manifest, 'malformed-authorization', Math.min(runs, 20)),
    }));
  }
  if (!endpoint.public && manifest.auth.scheme === 'basic') {
    add('malformed basic credentials', () => ({
      // Junk after the base64 credentials: RFC 7617 §2's token68 does not allow it.
      credential: liveAs(manifest, endpoint.scopes[0], 'header', 'authorization', 'Basic {token} x', 'base64'),
      expect: refusalOf(manifest, 'malformed-credentials', 'the Authorization header does not follow RFC 7617 §2'),
    }));
  }
  return cases;
}
