import type { Endpoint, Manifest } from '../manifest/types.ts';
import type { PlannerOptions } from './plannerOptions.ts';
import type { Case, Expectation } from './case.ts';
import { exampleInputs, generatedInputs } from './inputs.ts';
import { caseIdentity, makeCase } from './makeCase.ts';
import { live } from './credentials.ts';
import { shared } from './shared.ts';
import { sharesOf } from './endpointShares.ts';
import { fuzzSpec, matrixCell, scopeVariant } from './sharedParts.ts';

const documented = (endpoint: Endpoint) => Object.keys(endpoint.responses).map(Number);
const ANY_2XX = Array.from({ length: 100 }, (_, i) => 200 + i);

/**
 * What a served request may answer. With only documented examples as inputs, a documented 2xx;
 * with generated inputs (an id that may not exist), any documented status that is not an
 * authentication or authorization refusal and not a 5xx — a 401 here means the token failed, not the input.
 */
export function acceptance(endpoint: Endpoint, manifest: Manifest, examplesOnly: boolean): Expectation {
  const refusals = [...manifest.errors.statuses.unauthenticated, ...manifest.errors.statuses.forbidden];
  // Every case of the endpoint accepting the same way shares one frozen expectation. Keyed by the
  // refusals too, as an endpoint object may be planned under manifests with different error contracts.
  const shares = sharesOf(endpoint);
  const key = refusals.join(',');
  if (shares.acceptanceKey !== key) {
    shares.acceptanceKey = key;
    shares.acceptanceExamples = shares.acceptanceGenerated = undefined;
  }
  return examplesOnly
    ? (shares.acceptanceExamples ??= Object.freeze(accepting(endpoint, refusals, true)))
    : (shares.acceptanceGenerated ??= Object.freeze(accepting(endpoint, refusals, false)));
}

function accepting(endpoint: Endpoint, refusals: number[], examplesOnly: boolean): Expectation {
  const listed = documented(endpoint);
  const success = listed.filter((s) => s >= 200 && s < 300);
  const statuses = examplesOnly
    ? (success.length > 0 ? success : ANY_2XX)
    : listed.length > 0
      ? listed.filter((s) => s < 500 && !refusals.includes(s))
      : ANY_2XX;
  return {
    outcome: 'accept',
    statuses,
    reason:
      listed.length === 0
        ? 'a 2xx (no responses documented)'
        : examplesOnly
          ? 'a documented success status (every input is a documented example)'
          : 'a documented status: generated values may name resources the run did not create, so a documented 404 or 409 is a right answer',
    responses: endpoint.responses,
  };
}

/** The positive suite: a token holding exactly one granting scope (least privilege) and valid inputs. */
export function planPositive(manifest: Manifest, endpoint: Endpoint, { seed: runSeed, runs }: PlannerOptions): Case[] {
  const credential = endpoint.public ? undefined : live(manifest, endpoint.scopes[0]);
  const exampleId = caseIdentity(runSeed, endpoint, 'positive', 'documented example');
  const example = exampleInputs(endpoint, manifest, exampleId.seed);
  const cases = [
    makeCase(manifest, endpoint, 'positive', 'documented example', exampleId, {
      inputs: example.inputs,
      credential,
      expect: acceptance(endpoint, manifest, example.complete),
      matrix: endpoint.scopes[0] === undefined ? undefined : matrixCell(manifest, endpoint.scopes[0], 'allow'),
    }),
  ];
  // The allow cells of the scope matrix: every other documented scope must grant the route on its own.
  for (const scope of endpoint.scopes.slice(1)) {
    const variant = scopeVariant(manifest, scope);
    const id = caseIdentity(runSeed, endpoint, 'positive', variant);
    cases.push(
      makeCase(manifest, endpoint, 'positive', variant, id, {
        inputs: exampleInputs(endpoint, manifest, id.seed).inputs,
        credential: live(manifest, scope),
        expect: acceptance(endpoint, manifest, example.complete),
        matrix: matrixCell(manifest, scope, 'allow'),
      }),
    );
  }
  const declaresInputs = [endpoint.params, endpoint.query, endpoint.headers, endpoint.cookies].some((d) => Object.keys(d).length > 0);
  if (declaresInputs || endpoint.body !== undefined) {
    const fuzzId = caseIdentity(runSeed, endpoint, 'positive', 'generated inputs');
    cases.push(
      makeCase(manifest, endpoint, 'positive', 'generated inputs', fuzzId, {
        inputs: generatedInputs(endpoint, manifest, fuzzId.seed),
        credential,
        expect: acceptance(endpoint, manifest, false),
        generated: shared(manifest, `valid inputs ${runs}`, () => `${runs} valid inputs drawn from the documented schemas`),
        fuzz: fuzzSpec(manifest, 'valid-inputs', runs),
      }),
    );
  }
  return cases;
}
