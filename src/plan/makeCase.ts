import type { Endpoint, Manifest } from '../manifest/types.ts';
import type { Case, Credential, Expectation, FuzzSpec, PlannedRequest, SuiteId } from './case.ts';
import { deriveSeed } from './deriveSeed.ts';
import { fillPath, type Inputs } from './inputs.ts';

/** A case's identity, known before its inputs are drawn, so the seed can key the drawing. */
export function caseIdentity(runSeed: number, endpoint: Endpoint, suite: SuiteId, variant: string) {
  const slug = variant.toLowerCase().replace(/[^a-z0-9:]+/g, '-').replace(/^-|-$/g, '');
  const id = `${endpoint.id}/${suite}/${slug}`;
  return { id, seed: deriveSeed(runSeed, id) };
}

export interface CaseParts {
  inputs: Inputs;
  credential?: Credential;
  expect: Expectation;
  /** Raw body text and content type, when the case sends something other than the JSON of `inputs.body`. */
  rawBody?: { text: string; contentType?: string };
  query?: Record<string, string>;
  generated?: string;
  fuzz?: FuzzSpec;
  matrix?: Case['matrix'];
}

/** The one place that turns inputs into a request. */
export function buildRequest(manifest: Manifest, endpoint: Endpoint, parts: Pick<CaseParts, 'inputs' | 'rawBody' | 'query'>): PlannedRequest {
  const body =
    parts.rawBody ??
    (parts.inputs.body === undefined ? undefined : { text: JSON.stringify(parts.inputs.body), contentType: endpoint.contentType });
  return {
    method: endpoint.method,
    path: fillPath(endpoint.path, parts.inputs.params),
    query: parts.query,
    headers: { accept: `application/json, ${manifest.errors.contentType}` },
    body,
  };
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
  const route = `${endpoint.method} ${endpoint.path}`;
  return {
    id: identity.id,
    seed: identity.seed,
    suite,
    endpointId: endpoint.id,
    route,
    variant,
    title: `${route} › ${suite} › ${variant}`,
    request: buildRequest(manifest, endpoint, parts),
    credential: parts.credential,
    expect: parts.expect,
    repeat: parts.expect.outcome === 'reject',
    generated: parts.generated,
    fuzz: parts.fuzz,
    matrix: parts.matrix,
  };
}

/** The credential that presents a live token with exactly these scopes as a bearer token. */
export function bearer(scopes: string[]): Credential {
  return { placement: 'header', template: 'Bearer {token}', token: { kind: 'live', scopes } };
}
