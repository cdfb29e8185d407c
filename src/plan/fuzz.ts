import fc from 'fast-check';
import type { Endpoint, Manifest } from '../manifest/types.ts';
import type { Case, Expectation, PlannedRequest } from './case.ts';
import { bodyViolations, exampleInputs, validInputsArbitrary, type Inputs } from './inputs.ts';
import { buildRequest } from './makeCase.ts';
import { hostileBodies } from './hostileBodies.ts';
import { hostileBodyArbitrary, hostileExpectation } from './hostileValues.ts';

/** One generated input of a property case, with what it violates when it is a negative one. */
export interface FuzzSample {
  inputs: Inputs;
  label?: string;
  /** A raw body replacing the JSON of `inputs.body`. */
  rawBody?: string;
  /** An Authorization header template replacing the case's. */
  authorization?: string;
  /** What this sample may answer, when it differs from the case's (a hostile value its schema accepts). */
  expect?: Expectation;
}

/** Characters outside RFC 6750 §2.1's b64token, all legal in a header value: a token with one is malformed. */
const NOT_B64TOKEN = [...' !"#$%&\'(),:;<>?@[\\]^`{|}'];

/**
 * The arbitrary behind a property case. Pure, so the same seed gives the same runs and the same
 * shrinking. Violations carry their label through shrinking: fast-check shrinks within the chosen
 * violation's arbitrary, so a shrunk negative case still breaks the constraint it names.
 */
export function fuzzArbitrary(manifest: Manifest, endpoint: Endpoint, c: Case): fc.Arbitrary<FuzzSample> {
  if (c.fuzz?.generator === 'schema-violations') {
    const base = exampleInputs(endpoint, manifest, c.seed).inputs;
    const violations = bodyViolations(endpoint, manifest);
    return fc.oneof(
      ...violations.map((v) => v.arbitrary.map((body): FuzzSample => ({ inputs: { ...base, body }, label: v.label }))),
    );
  }
  if (c.fuzz?.generator === 'hostile-bodies') {
    const inputs = exampleInputs(endpoint, manifest, c.seed).inputs;
    return fc.constantFrom(...hostileBodies(JSON.stringify(inputs.body ?? {}), manifest.limits.maxBodyBytes)).map(({ label, text }) => ({ inputs, label, rawBody: text }));
  }
  if (c.fuzz?.generator === 'hostile-values') {
    const inputs = exampleInputs(endpoint, manifest, c.seed).inputs;
    const bodies = hostileBodyArbitrary(endpoint, manifest, inputs.body, c.seed);
    if (bodies) return bodies.map((body) => ({ inputs, label: body.label, rawBody: body.text, expect: hostileExpectation(endpoint, manifest, body) }));
  }
  if (c.fuzz?.generator === 'malformed-authorization') {
    const inputs = exampleInputs(endpoint, manifest, c.seed).inputs;
    // RFC 9110 §5.5: a field value's surrounding whitespace is not part of it, so junk must have a visible character.
    const junk = fc.string({ unit: fc.constantFrom(...NOT_B64TOKEN), minLength: 1, maxLength: 8 }).filter((j) => j.trim().length > 0);
    const b64 = fc.string({ unit: fc.constantFrom(...'ABCxyz019-._~+/'), minLength: 1, maxLength: 40 });
    return fc.oneof(
      junk.map((j) => ({ inputs, label: 'live token followed by junk', authorization: `Bearer {token}${j.startsWith(' ') ? j : ` ${j}`}` })),
      fc.tuple(b64, junk, b64).map(([a, j, b]) => ({ inputs, label: 'token with characters outside b64token', authorization: `Bearer ${a}${j}${b}` })),
      fc.integer({ min: 4_096, max: 7_000 }).map((n) => ({ inputs, label: 'overlong unknown token', authorization: `Bearer ${'A'.repeat(n)}` })),
      fc.constantFrom('Bearer', 'Bearer ', 'Bearer=', 'Bearer "{token}"').map((t) => ({ inputs, label: 'bearer without a usable token', authorization: t })),
    );
  }
  return validInputsArbitrary(endpoint, manifest).map((inputs) => ({ inputs }));
}

/**
 * Samples every run of a property case must include, before the random ones: a short list of hostile
 * bodies is worth sending whole, not left to chance.
 */
export function fuzzExamples(manifest: Manifest, endpoint: Endpoint, c: Case): FuzzSample[] {
  if (c.fuzz?.generator !== 'hostile-bodies') return [];
  const inputs = exampleInputs(endpoint, manifest, c.seed).inputs;
  return hostileBodies(JSON.stringify(inputs.body ?? {}), manifest.limits.maxBodyBytes).map(({ label, text }) => ({ inputs, label, rawBody: text }));
}

/** The request and credential for one generated sample of a property case. */
export function fuzzCase(manifest: Manifest, endpoint: Endpoint, c: Case, sample: FuzzSample): Case {
  const rawBody = sample.rawBody === undefined ? undefined : { text: sample.rawBody, contentType: endpoint.contentType };
  const request: PlannedRequest = buildRequest(manifest, endpoint, { inputs: sample.inputs, rawBody });
  const credential = sample.authorization !== undefined && c.credential ? { ...c.credential, template: sample.authorization } : c.credential;
  if (sample.expect === undefined) return { ...c, request, credential };
  // Only a refusal is sent twice: a served sample may have created something.
  return { ...c, request, credential, expect: sample.expect, repeat: sample.expect.outcome === 'reject' };
}
