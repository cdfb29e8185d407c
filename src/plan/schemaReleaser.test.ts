import { describe, expect, it } from 'vitest';
import { loadManifest } from '../manifest/loadManifest.ts';
import type { Endpoint, JsonSchema, Manifest } from '../manifest/types.ts';
import { buildPlan, planEach, walkOrder } from './buildPlan.ts';
import { planEndpoints } from '../cli/planEndpoints.ts';
import { sharesOf } from './endpointShares.ts';
import { holdsSchema } from './inputs.ts';

const reference = await loadManifest('fixtures/reference-api/manifest.yaml');
const withBody = reference.endpoints.find((e) => e.body !== undefined)!;

const bodyOf = (i: number): JsonSchema => ({ type: 'object', properties: { n: { type: 'integer', maximum: i } } });
const clone = (i: number, body: JsonSchema, query: Endpoint['query'] = {}): Endpoint => ({ ...withBody, id: `clone${i}`, path: `/clones${i}`, body, query });

/** The first and the last endpoint share a query parameter's schema; forty endpoints with bodies of their own lie between. */
function sharedAcrossTheDocument(): { manifest: Manifest; shared: JsonSchema } {
  const shared = { type: 'string', maxLength: 12, pattern: '^[a-z]+$' };
  const query = { note: { schema: shared, required: true } };
  const between = Array.from({ length: 40 }, (_, i) => clone(i + 1, bodyOf(i + 1)));
  return { manifest: { ...reference, endpoints: [clone(0, bodyOf(0), query), ...between, clone(41, bodyOf(41), query)] }, shared };
}

describe('what the planner builds for an endpoint', () => {
  it('is released once the last endpoint using it is planned, and kept until then however many come between', () => {
    const { manifest, shared } = sharedAcrossTheDocument();
    const held: boolean[] = [];
    const bodies: boolean[] = [];
    planEach(manifest, { seed: 3, suites: ['positive', 'malformed'], release: true }, (suite, endpoint) => {
      if (suite !== 'malformed' || endpoint === undefined) return;
      held.push(holdsSchema(manifest, shared));
      bodies.push(holdsSchema(manifest, bodyOf(0)));
    });
    // Visited after each endpoint's malformed cases, before its release: held from the first to the last.
    expect(held).toEqual(manifest.endpoints.map(() => true));
    // The first endpoint's body is its own: gone once that endpoint is planned.
    expect(bodies).toEqual(manifest.endpoints.map((_, i) => i === 0));
    expect(holdsSchema(manifest, shared)).toBe(false);
    expect(manifest.endpoints.some((e) => holdsSchema(manifest, e.body!))).toBe(false);
  });

  it('leaves nothing behind after harden plan, and the plan is the one a run plans', () => {
    const { manifest } = sharedAcrossTheDocument();
    const counted = planEndpoints(manifest, { seed: 8 });
    expect(manifest.endpoints.filter((e) => holdsSchema(manifest, e.body!))).toEqual([]);
    const kept = planEndpoints({ ...manifest }, { seed: 8 }, { keepCases: true });
    expect(counted.endpoints.map((e) => [e.endpoint.id, e.counts, e.notes])).toEqual(kept.endpoints.map((e) => [e.endpoint.id, e.counts, e.notes]));
  });

  it('includes what its cases hold in common, dropped by harden plan once the endpoint is planned and kept by a run', () => {
    for (const release of [true, false]) {
      const { manifest } = sharedAcrossTheDocument();
      const during = new Map<Endpoint, object>();
      planEach(manifest, { seed: 3, suites: ['positive'], release }, (_suite, endpoint) => {
        if (endpoint !== undefined) during.set(endpoint, sharesOf(endpoint));
      });
      expect(during.size).toBe(manifest.endpoints.length);
      // a release builds them afresh when asked again; a run finds the very same ones
      expect(manifest.endpoints.map((e) => sharesOf(e) === during.get(e))).toEqual(manifest.endpoints.map(() => !release));
    }
  });

  it('is kept by a run, whose property cases draw from it again while it sends', () => {
    const manifest = { ...reference };
    buildPlan(manifest, { seed: 8 });
    expect(manifest.endpoints.filter((e) => e.body !== undefined).every((e) => holdsSchema(manifest, e.body!))).toBe(true);
  });
});

describe('the order endpoints are planned in', () => {
  // a, b, c, d: a and c share a body, d has none
  const endpoints = [clone(1, bodyOf(1)), clone(2, bodyOf(2)), clone(3, bodyOf(1)), { ...clone(4, bodyOf(4)), body: undefined }];
  const manifest: Manifest = { ...reference, endpoints };

  it('brings endpoints with the same body together, where the first of them is', () => {
    expect(walkOrder(manifest).map((e) => e.id)).toEqual(['clone1', 'clone3', 'clone2', 'clone4']);
    const visited: string[] = [];
    planEach(manifest, { seed: 1, suites: ['positive'] }, (_suite, endpoint) => endpoint && visited.push(endpoint.id));
    expect(visited).toEqual(['clone1', 'clone3', 'clone2', 'clone4']);
  });

  it('leaves a plan in manifest order, suite by suite', () => {
    const plan = buildPlan(manifest, { seed: 1, suites: ['positive', 'malformed'] });
    const order = plan.cases.map((c) => `${c.suite} ${c.endpointId}`).filter((x, i, all) => all.indexOf(x) === i);
    expect(order).toEqual(['positive', 'malformed'].flatMap((suite) => endpoints.map((e) => `${suite} ${e.id}`)));
  });
});
