import fc from 'fast-check';
import type { Endpoint, Manifest } from '../manifest/types.ts';
import type { Case, PlannedRequest } from './case.ts';
import { bodyViolations, exampleInputs, validInputsArbitrary, type Inputs } from './inputs.ts';
import { buildRequest } from './makeCase.ts';

/** One generated input of a property case, with what it violates when it is a negative one. */
export interface FuzzSample {
  inputs: Inputs;
  label?: string;
}

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
  return validInputsArbitrary(endpoint, manifest).map((inputs) => ({ inputs }));
}

/** The request for one generated sample of a property case. */
export function fuzzRequest(manifest: Manifest, endpoint: Endpoint, sample: FuzzSample): PlannedRequest {
  return buildRequest(manifest, endpoint, { inputs: sample.inputs });
}
