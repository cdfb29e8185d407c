import type { Endpoint, Manifest } from '../manifest/types.ts';
import type { PlannerOptions } from './plannerOptions.ts';
import type { Case, Expectation, PlannedRequest } from './case.ts';
import { baseRequest } from './inputs.ts';
import { caseIdentity, makeCase } from './makeCase.ts';
import { live } from './credentials.ts';
import { acceptance } from './positive.ts';
import { flat, shared } from './shared.ts';

/** A site no API lists, and the opaque origin sandboxed frames and `data:` documents send (RFC 6454 §7.3). */
export const FOREIGN_ORIGINS = ['https://attacker.example', 'null'] as const;
/** Methods a preflight must be asked for (not CORS-safelisted), the most harmful first. */
const PREFLIGHTED = ['DELETE', 'PUT', 'PATCH'];
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const policyOf = (manifest: Manifest) => manifest.cors ?? shared(manifest, 'cors none', () => Object.freeze({ allowedOrigins: [], credentials: false }));

/**
 * The method the preflight asks for: the route's own when a preflight guards it, else DELETE. Read off
 * the route alone, so a selective run (--changed-since) plans the same case as the whole plan does.
 */
const preflightMethod = (endpoint: Endpoint) => (PREFLIGHTED.includes(endpoint.method) ? endpoint.method : 'DELETE');

/**
 * A preflight carries no credentials (Fetch standard, CORS-preflight request): any answer but a 5xx
 * or a redirect; what it grants is the `cors` check's to judge.
 */
function preflightExpectation(manifest: Manifest): Expectation {
  return shared(manifest, 'cors preflight', () =>
    Object.freeze({ outcome: 'accept' as const, statuses: [...range(200, 299), ...range(400, 499)], reason: 'any answer but a 5xx; the cors check reads what it grants', cors: policyOf(manifest) }),
  );
}

/**
 * The CORS cases of one route (issue 19): on a GET or HEAD route, the documented request from a
 * foreign origin, with a granting token, as a page on another site would send it; and a
 * preflight from a foreign origin asking for a state-changing method. Each answer must be the route's
 * own, and the `cors` check reads what it grants against the manifest's `cors` section.
 */
export function planCors(manifest: Manifest, endpoint: Endpoint, { seed: runSeed }: PlannerOptions): Case[] {
  const cases: Case[] = [];
  // One documented request per route, which each CORS case sends from elsewhere.
  const base = baseRequest(endpoint, manifest, runSeed);
  const add = (variant: string, request: (planned: PlannedRequest) => PlannedRequest, expect: (complete: boolean) => Expectation, credentialed: boolean) => {
    const identity = caseIdentity(runSeed, endpoint, 'unauthorized', variant);
    const example = base();
    const credential = credentialed && !endpoint.public ? live(manifest, endpoint.scopes[0]) : undefined;
    const built = makeCase(manifest, endpoint, 'unauthorized', variant, identity, { inputs: example.inputs, credential, expect: expect(example.complete) });
    cases.push({ ...built, request: request(built.request) });
  };
  if (endpoint.method === 'GET' || endpoint.method === 'HEAD') {
    // The route's own answer, as the positive suite expects it, with the policy the check reads.
    const served = (complete: boolean) => ({ ...acceptance(endpoint, manifest, complete), cors: policyOf(manifest) });
    for (const origin of FOREIGN_ORIGINS) add(flat('cors: origin ', origin), (r) => ({ ...r, headers: { ...r.headers, origin } }), served, true);
  }
  {
    const method = preflightMethod(endpoint);
    const origin = FOREIGN_ORIGINS[0];
    add(
      flat('cors: preflight ', method, ' from ', origin),
      (r) => ({ method: 'OPTIONS', path: r.path, headers: { ...r.headers, origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization' } }),
      () => preflightExpectation(manifest),
      false,
    );
  }
  return cases;
}
