import type { Endpoint, Manifest } from '../manifest/types.ts';
import { ROTATION_STEPS, SUITES, type Case, type Plan, type SuiteId } from './case.ts';
import { tokensFor } from './withCases.ts';
import { forgetShares } from './endpointShares.ts';
import { schemaReleaser } from './inputs.ts';
import { planMalformed } from './malformed.ts';
import { planPositive } from './positive.ts';
import { planRevokedToken } from './revoked-token.ts';
import { planUnauthorized } from './unauthorized.ts';
import { DEFAULT_RUNS } from './plannerOptions.ts';
import { planRotationActions, planRotationProbes } from './rotation.ts';
import { planExposure } from './exposure.ts';
import { planOwnership } from './ownership.ts';
import { planRefresh } from './refresh.ts';
import { revocationUnavailable, rotationUnavailable } from './revocation.ts';

/** Suites the provider may be unable to serve, and why: their cases are then reported not proven. */
const UNPROVABLE = { 'revoked-token': revocationUnavailable, rotation: rotationUnavailable } as const;

export interface PlanOptions {
  seed: number;
  suites?: readonly SuiteId[];
  /** Generated requests per property case (default DEFAULT_RUNS). */
  runs?: number;
  /**
   * Told after each endpoint's cases of every suite are planned (`done` of `total` endpoints), so a
   * long plan can show progress. Planning stays pure: the callback is the caller's, and decides nothing.
   */
  onProgress?: (done: number, total: number) => void;
  /**
   * Drop what was built for each endpoint once no later endpoint shares it (schemaReleaser), and what
   * its cases held in common (forgetShares), for a plan that only counts (`harden plan`). A run keeps
   * both: its property cases draw from them again.
   */
  release?: boolean;
  /**
   * Told when one endpoint's cases of a suite cannot be planned; they are left out and planning goes
   * on with the same manifest, so every other case is the one a whole plan holds. Without it the
   * error propagates.
   */
  onEndpointError?: (endpoint: Endpoint, suite: SuiteId, error: Error) => void;
}

const planners = {
  positive: planPositive,
  'revoked-token': planRevokedToken,
  unauthorized: planUnauthorized,
  malformed: planMalformed,
  rotation: planRotationProbes,
  refresh: () => [],
  ownership: () => [],
  exposure: () => [],
} as const;

/** Whom planned cases belong to: an endpoint, or the service as a whole (rotation actions, the listener). */
export type PlanVisitor = (suite: SuiteId, endpoint: Endpoint | undefined, cases: readonly Case[]) => void;

/**
 * Plans the chosen suites endpoint by endpoint, every suite of an endpoint before the next endpoint,
 * then the service-wide cases suite by suite; `visit` gets each share as it is planned and nothing is
 * held here. Endpoint by endpoint so that what the planner builds for an endpoint (arbitraries, body
 * violations) serves all its suites and can then be released (`release`), unless a later endpoint
 * shares it: a suite at a time across a large document held all of them to the end (900 MB for
 * Microsoft Graph). `harden plan` and `harden run` walk alike, so they plan the same cases.
 */
export function planEach(manifest: Manifest, options: PlanOptions, visit: PlanVisitor): void {
  const suites = SUITES.filter((s) => (options.suites ?? SUITES).includes(s));
  const runs = options.runs ?? DEFAULT_RUNS;
  const marked = unprovenMarks(manifest);
  const releaseSchemas = options.release ? schemaReleaser(manifest) : undefined;
  for (const [e, endpoint] of walkOrder(manifest).entries()) {
    for (const suite of suites) {
      let own: Case[] = [];
      try {
        own = planners[suite](manifest, endpoint, { seed: options.seed, runs });
      } catch (error) {
        if (!options.onEndpointError) throw error;
        options.onEndpointError(endpoint, suite, error as Error);
      }
      visit(suite, endpoint, marked(suite, own));
    }
    if (releaseSchemas) {
      releaseSchemas(endpoint);
      forgetShares(endpoint);
    }
    options.onProgress?.(e + 1, manifest.endpoints.length);
  }
  for (const suite of suites) {
    const service = SERVICE_WIDE[suite];
    if (service) visit(suite, undefined, marked(suite, service(manifest, options.seed)));
  }
}

/**
 * The endpoints in the order they are planned: manifest order, except that endpoints with the same
 * body come together, where the first of them is. Whatever a body needs (its generators, its
 * violations: up to a megabyte) is then held only while its endpoints are planned; in manifest order
 * Microsoft Graph kept up to 183 bodies open at once, each waiting for an endpoint far down. A pure
 * function of the manifest, so every walk (plan or run) takes the same order.
 */
export function walkOrder(manifest: Manifest): Endpoint[] {
  const groups = new Map<string, Endpoint[]>();
  for (const endpoint of manifest.endpoints) {
    const key = endpoint.body === undefined ? `\u0000${endpoint.id}` : JSON.stringify(endpoint.body);
    const group = groups.get(key);
    if (group) group.push(endpoint);
    else groups.set(key, [endpoint]);
  }
  const order: Endpoint[] = [];
  for (const group of groups.values()) for (const endpoint of group) order.push(endpoint);
  return order;
}

/**
 * Cases of a suite the provider cannot serve (revocation, rotation) are planned all the same and
 * marked, so reports say they were not proven rather than leave them out.
 */
function unprovenMarks(manifest: Manifest): (suite: SuiteId, cases: Case[]) => Case[] {
  const why = new Map<SuiteId, string | undefined>();
  return (suite, cases) => {
    if (!(suite in UNPROVABLE)) return cases;
    if (!why.has(suite)) why.set(suite, UNPROVABLE[suite as keyof typeof UNPROVABLE](manifest.auth.tokens));
    const unproven = why.get(suite);
    if (unproven === undefined) return cases;
    // An expired token needs no revocation: only the cases that do are marked.
    const needsIt = (c: Case) => suite !== 'revoked-token' || c.credential?.token?.kind === 'revoked';
    return cases.map((c) => (needsIt(c) ? { ...c, unproven: `not proven: ${unproven}` } : c));
  };
}

/** Cases that belong to no one endpoint, planned after every endpoint's. */
const SERVICE_WIDE: Partial<Record<SuiteId, (manifest: Manifest, seed: number) => Case[]>> = {
  rotation: planRotationActions,
  exposure: planExposure,
  ownership: planOwnership,
  refresh: planRefresh,
};

/** Manifest + seed → every case of the chosen suites, suite by suite. Pure: no I/O, no clock, no global randomness. */
export function buildPlan(manifest: Manifest, options: PlanOptions): Plan {
  const suites = SUITES.filter((s) => (options.suites ?? SUITES).includes(s));
  const position = new Map(manifest.endpoints.map((endpoint, i) => [endpoint, i]));
  // Each endpoint's share where the endpoint is in the manifest; the service-wide cases after them, as planned.
  const bySuite = new Map<SuiteId, { shares: (readonly Case[])[]; service: (readonly Case[])[] }>(suites.map((s) => [s, { shares: [], service: [] }]));
  planEach(manifest, options, (suite, endpoint, own) => {
    const into = bySuite.get(suite)!;
    if (endpoint === undefined) into.service.push(own);
    else into.shares[position.get(endpoint)!] = own;
  });
  const cases: Case[] = [];
  for (const [suite, { shares, service }] of bySuite) {
    // One by one: a suite of a large manifest plans over 100,000 cases, and spreading them into push
    // overflowed the call stack.
    const planned: Case[] = [];
    for (const own of [...shares, ...service]) for (const c of own ?? []) planned.push(c);
    // The drill reads in the order it runs: step by step, endpoints in manifest order within a step (a stable sort).
    if (suite === 'rotation') planned.sort((a, b) => ROTATION_STEPS.indexOf(a.rotation!) - ROTATION_STEPS.indexOf(b.rotation!));
    for (const c of planned) cases.push(c);
  }
  return { seed: options.seed, service: manifest.service, cases, tokens: tokensFor(cases) };
}
