import { describe, expect, it } from 'vitest';
import { loadManifest } from '../manifest/loadManifest.ts';
import type { Endpoint, Manifest } from '../manifest/types.ts';
import { buildPlan, planEach } from './buildPlan.ts';
import { holdsSchema, SCHEMA_CACHE_ENTRIES } from './inputs.ts';

const reference = await loadManifest('fixtures/reference-api/manifest.yaml');
const withBody = reference.endpoints.find((e) => e.body !== undefined)!;

/** The first and the last endpoint share a body; more distinct bodies than the caches hold lie between. */
function sharedAcrossTheDocument(): { manifest: Manifest; shared: Endpoint['body'] } {
  const shared = { type: 'object', required: ['note'], properties: { note: { type: 'string', maxLength: 12 } } };
  const clone = (i: number, body: Endpoint['body']): Endpoint => ({ ...withBody, id: `clone${i}`, path: `/clones${i}`, body });
  const between = Array.from({ length: SCHEMA_CACHE_ENTRIES + 8 }, (_, i) => clone(i + 1, { type: 'object', properties: { n: { type: 'integer', maximum: i } } }));
  return { manifest: { ...reference, endpoints: [clone(0, shared), ...between, clone(between.length + 1, shared)] }, shared };
}

describe('what the planner builds for an endpoint', () => {
  it('is released once the last endpoint using it is planned, and kept until then however many come between', () => {
    const { manifest, shared } = sharedAcrossTheDocument();
    const last = manifest.endpoints.length - 1;
    const held: boolean[] = [];
    planEach(manifest, { seed: 3, suites: ['positive', 'malformed'] }, (suite, endpoint) => {
      if (suite === 'malformed' && endpoint !== undefined) held.push(holdsSchema(manifest, shared!));
    });
    // Visited after each endpoint's malformed cases, before its release: held from the first to the last.
    expect(held).toEqual(Array.from({ length: last + 1 }, () => true));
    expect(holdsSchema(manifest, shared!)).toBe(false);
    expect(manifest.endpoints.some((e) => holdsSchema(manifest, e.body!))).toBe(false);
  });

  it('leaves nothing behind after a whole plan, and the plan is the one planned again afresh', () => {
    const manifest = { ...reference };
    const first = buildPlan(manifest, { seed: 8 });
    expect(manifest.endpoints.filter((e) => e.body !== undefined && holdsSchema(manifest, e.body))).toEqual([]);
    expect(JSON.stringify(buildPlan(manifest, { seed: 8 }))).toBe(JSON.stringify(first));
  });
});
