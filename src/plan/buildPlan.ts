import type { Endpoint, Manifest } from '../manifest/types.ts';
import { ROTATION_STEPS, SUITES, type Case, type Plan, type SuiteId } from './case.ts';
import { tokensFor } from './withCases.ts';
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
   * Told after each endpoint's cases of each suite (`done` of `total` endpoint plans), so a long
   * plan can show progress. Planning stays pure: the callback is the caller's, and decides nothing.
   */
  onProgress?: (done: number, total: number, suite: SuiteId) => void;
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

/** Manifest + seed → every case of the chosen suites. Pure: no I/O, no clock, no global randomness. */
export function buildPlan(manifest: Manifest, options: PlanOptions): Plan {
  const suites = SUITES.filter((s) => (options.suites ?? SUITES).includes(s));
  const cases: Case[] = [];
  const total = suites.length * manifest.endpoints.length;
  for (const [index, suite] of suites.entries()) {
    const planned = manifest.endpoints.flatMap((endpoint, e) => {
      let own: Case[] = [];
      try {
        own = planners[suite](manifest, endpoint, { seed: options.seed, runs: options.runs ?? DEFAULT_RUNS });
      } catch (error) {
        if (!options.onEndpointError) throw error;
        options.onEndpointError(endpoint, suite, error as Error);
      }
      options.onProgress?.(index * manifest.endpoints.length + e + 1, total, suite);
      return own;
    });
    if (suite === 'rotation') planned.push(...planRotationActions(manifest, options.seed));
    if (suite === 'exposure') planned.push(...planExposure(manifest, options.seed));
    if (suite === 'ownership') planned.push(...planOwnership(manifest, options.seed));
    if (suite === 'refresh') planned.push(...planRefresh(manifest, options.seed));
    // The drill reads in the order it runs: step by step, endpoints in manifest order within a step (a stable sort).
    if (suite === 'rotation') planned.sort((a, b) => ROTATION_STEPS.indexOf(a.rotation!) - ROTATION_STEPS.indexOf(b.rotation!));
    // Planned all the same, so reports say revocation was not proven rather than leave it out.
    const unproven = suite in UNPROVABLE ? UNPROVABLE[suite as keyof typeof UNPROVABLE](manifest.auth.tokens) : undefined;
    // An expired token needs no revocation: only the cases that do are marked.
    const needsIt = (c: Case) => suite !== 'revoked-token' || c.credential?.token?.kind === 'revoked';
    // One by one: a suite of a large manifest plans over 100,000 cases, and spreading them into push
    // overflowed the call stack.
    for (const c of planned) cases.push(unproven !== undefined && needsIt(c) ? { ...c, unproven: `not proven: ${unproven}` } : c);
  }
  return { seed: options.seed, service: manifest.service, cases, tokens: tokensFor(cases) };
}
