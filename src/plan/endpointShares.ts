import type { Endpoint } from '../manifest/types.ts';
import { routeLabel } from '../manifest/routeKey.ts';
import type { Expectation, PlannedRequest, SuiteId } from './case.ts';
import { flat } from './shared.ts';

/**
 * What an endpoint's cases hold in common, built once. Plain fields, not a map of named entries or
 * arrays of slots: a manifest has thousands of endpoints, and a Map with its key strings weighed
 * 2 kB each — as much as the sharing saved. Only the latest value of a kind is kept where planning
 * moves on (a suite's title prefix) or interleaves (paths from examples between generated ones: the
 * planner goes suite by suite, and a suite may put one generated path between example ones, so two).
 */
class EndpointShares {
  readonly route: string;
  titleSuite: SuiteId | undefined = undefined;
  titlePrefix = '';
  acceptanceKey = '';
  acceptanceGenerated: Expectation | undefined = undefined;
  acceptanceExamples: Expectation | undefined = undefined;
  private path: string | undefined = undefined;
  private previousPath: string | undefined = undefined;
  private request: PlannedRequest | undefined = undefined;
  private previousRequest: PlannedRequest | undefined = undefined;

  constructor(endpoint: Endpoint) {
    // Operations told apart only by a fixed header or query value (`POST /` with X-Amz-Target) need it in their titles.
    this.route = flat(routeLabel(endpoint));
  }

  /** `path`, or the equal one of the last two. */
  samePath(path: string): string {
    if (path === this.path) return this.path;
    if (path === this.previousPath) [this.path, this.previousPath] = [this.previousPath, this.path];
    else [this.path, this.previousPath] = [path, this.path];
    return this.path!;
  }

  /** `request`, or an equal one of the last two; only for requests whose path says it all (no body, no query). */
  sameRequest(request: PlannedRequest): PlannedRequest {
    const same = (seen: PlannedRequest | undefined) => seen !== undefined && seen.path === request.path && seen.headers === request.headers;
    if (same(this.request)) return this.request!;
    if (same(this.previousRequest)) [this.request, this.previousRequest] = [this.previousRequest, this.request];
    else [this.request, this.previousRequest] = [request, this.request];
    return this.request!;
  }
}

const all = new WeakMap<Endpoint, EndpointShares>();

export function sharesOf(endpoint: Endpoint): EndpointShares {
  let shares = all.get(endpoint);
  if (shares === undefined) all.set(endpoint, (shares = new EndpointShares(endpoint)));
  return shares;
}

/**
 * Drops what an endpoint's cases held in common, for a walk that keeps no case (`harden plan`): the
 * shares only make equal values one, so built again they hold the same values. Microsoft Graph beta's
 * 22,361 endpoints held 15 MB in them to the end of the plan.
 */
export function forgetShares(endpoint: Endpoint): void {
  all.delete(endpoint);
}
