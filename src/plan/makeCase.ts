import type { Endpoint, Manifest } from '../manifest/types.ts';
import type { Case, Credential, Expectation, FuzzSpec, PlannedRequest, SuiteId } from './case.ts';
import { deriveSeed } from './deriveSeed.ts';
import { fillPath, type Inputs } from './inputs.ts';
import { cookieHeader } from './parameterText.ts';
import { flat, shared } from './shared.ts';
import { sharesOf } from './endpointShares.ts';

/** A case's identity, known before its inputs are drawn, so the seed can key the drawing. */
export function caseIdentity(runSeed: number, endpoint: Endpoint, suite: SuiteId, variant: string) {
  const slug = variant.toLowerCase().replace(/[^a-z0-9:]+/g, '-').replace(/^-|-$/g, '');
  // Flat: the id is held by every case and result; a template literal would keep three cons nodes.
  const id = flat(endpoint.id, '/', suite, '/', slug);
  return { id, seed: deriveSeed(runSeed, id) };
}

export interface CaseParts {
  inputs: Inputs;
  credential?: Credential;
  expect: Expectation;
  /** Raw body text and content type, when the case sends something other than the JSON of `inputs.body`. */
  rawBody?: { text: string; contentType?: string };
  generated?: string;
  fuzz?: FuzzSpec;
  matrix?: Case['matrix'];
}

/** `METHOD /path/{template}`, once per endpoint. */
export const routeOf = (endpoint: Endpoint): string => sharesOf(endpoint).route;

/**
 * `route › suite › variant` as one flat prefix per endpoint and suite and a 32-byte cons node per
 * case; a flat title per case weighs 100 bytes and more, as `›` makes it a two-byte string.
 */
function titleOf(endpoint: Endpoint, suite: SuiteId, variant: string): string {
  const shares = sharesOf(endpoint);
  if (shares.titleSuite !== suite) {
    shares.titleSuite = suite;
    shares.titlePrefix = flat(shares.route, ' › ', suite, ' › ');
  }
  return shares.titlePrefix + variant;
}

const acceptHeaders = (manifest: Manifest) =>
  shared(manifest, 'accept headers', () => Object.freeze({ accept: flat('application/json, ', manifest.errors.contentType) }));

/** The one place that turns inputs into a request. */
export function buildRequest(manifest: Manifest, endpoint: Endpoint, parts: Pick<CaseParts, 'inputs' | 'rawBody'>): PlannedRequest {
  const body =
    parts.rawBody ??
    (parts.inputs.body === undefined ? undefined : { text: JSON.stringify(parts.inputs.body), contentType: endpoint.contentType });
  // Most of an endpoint's cases fill its path from the documented examples, and a request without a
  // body is then the same request: those cases share one. Generated paths interleave with them
  // (suite by suite), so two recent ones are remembered, which costs nothing per case.
  const shares = sharesOf(endpoint);
  const path = shares.samePath(fillPath(endpoint.path, parts.inputs.params));
  const { query, headers, cookies } = parts.inputs;
  const cookie = cookies === undefined || Object.keys(cookies).length === 0 ? undefined : cookieHeader(cookies);
  const own = headers === undefined && cookie === undefined ? undefined : { ...headers, ...(cookie !== undefined && { cookie }) };
  const request = { method: endpoint.method, path, query, headers: own === undefined ? acceptHeaders(manifest) : { ...acceptHeaders(manifest), ...own }, body };
  if (body !== undefined || query !== undefined || own !== undefined) return request;
  return shares.sameRequest(Object.freeze(request));
}

/** Assembles a Case from its identity, inputs, credential and expectation. */
export function makeCase(
  manifest: Manifest,
  endpoint: Endpoint,
  suite: SuiteId,
  variant: string,
  identity: { id: string; seed: number },
  parts: CaseParts,
): Case {
  const route = routeOf(endpoint);
  return {
    id: identity.id,
    seed: identity.seed,
    suite,
    endpointId: endpoint.id,
    route,
    variant,
    title: titleOf(endpoint, suite, variant),
    request: buildRequest(manifest, endpoint, parts),
    credential: parts.credential,
    expect: parts.expect,
    repeat: parts.expect.outcome === 'reject',
    generated: parts.generated,
    fuzz: parts.fuzz,
    matrix: parts.matrix,
  };
}
