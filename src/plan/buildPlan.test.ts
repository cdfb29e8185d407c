import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticManifest } from '../../bench/synthetic/manifest.ts';
import { loadManifest } from '../manifest/loadManifest.ts';
import { parseManifest } from '../manifest/parseManifest.ts';
import { buildPlan } from './buildPlan.ts';
import { deriveSeed } from './deriveSeed.ts';

const manifest = await loadManifest('fixtures/reference-api/manifest.yaml');

describe('buildPlan', () => {
  it('gives a byte-identical plan for the same seed', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        expect(JSON.stringify(buildPlan(manifest, { seed }))).toBe(JSON.stringify(buildPlan(manifest, { seed })));
      }),
      { seed: 3, numRuns: 5 },
    );
  });

  it('draws different inputs for different seeds, with the same case ids', () => {
    const a = buildPlan(manifest, { seed: 1 });
    const b = buildPlan(manifest, { seed: 2 });
    expect(a.cases.map((c) => c.id)).toEqual(b.cases.map((c) => c.id));
    expect(JSON.stringify(a.cases.map((c) => c.request))).not.toBe(JSON.stringify(b.cases.map((c) => c.request)));
  });

  it('has unique, stable case ids and titles', () => {
    const plan = buildPlan(manifest, { seed: 9 });
    expect(new Set(plan.cases.map((c) => c.id)).size).toBe(plan.cases.length);
    expect(new Set(plan.cases.map((c) => c.title)).size).toBe(plan.cases.length);
    expect(plan.cases.find((c) => c.id === 'getOrder/revoked-token/revoked-bearer')?.title).toBe('GET /orders/{id} › revoked-token › revoked bearer');
  });

  it('sends a revoked token and no credentials to every protected endpoint, and nothing negative to public ones', () => {
    const plan = buildPlan(manifest, { seed: 5 });
    for (const endpoint of manifest.endpoints) {
      const variants = plan.cases.filter((c) => c.endpointId === endpoint.id).map((c) => `${c.suite}/${c.variant}`);
      if (endpoint.public) {
        // Only the CORS cases, which expect the route served: a public route grants cross-origin access too.
        expect(variants.filter((v) => v.startsWith('revoked-token') || (v.startsWith('unauthorized') && !v.startsWith('unauthorized/cors: ')))).toEqual([]);
      } else {
        expect(variants).toContain('revoked-token/revoked bearer');
        expect(variants).toContain('unauthorized/no credentials');
      }
    }
  });

  it('plans one insufficient-scope case for every catalogued scope that does not grant the route', () => {
    const plan = buildPlan(manifest, { seed: 5, suites: ['unauthorized'] });
    const scopeCases = plan.cases.filter((c) => c.variant.startsWith('scope '));
    const protectedEndpoints = manifest.endpoints.filter((e) => !e.public);
    const catalogue = Object.keys(manifest.auth.scopes);
    expect(scopeCases).toHaveLength(protectedEndpoints.reduce((n, e) => n + catalogue.filter((s) => !e.scopes.includes(s)).length, 0));
    for (const c of scopeCases) {
      expect(c.expect.statuses).toEqual([403]);
      expect(c.expect.challenge?.errors).toEqual(['insufficient_scope']);
    }
  });

  it('plans only the chosen suites, and the tokens they need', () => {
    const plan = buildPlan(manifest, { seed: 5, suites: ['revoked-token'] });
    expect(new Set(plan.cases.map((c) => c.suite))).toEqual(new Set(['revoked-token']));
    expect(plan.tokens).toEqual({ scopeSets: [], revoked: true, expired: false, forged: [], rotation: false, principals: {} });
  });

  it('labels each schema violation with its pointer and keyword', () => {
    const plan = buildPlan(manifest, { seed: 5, suites: ['malformed'] });
    const violation = plan.cases.find((c) => c.id === 'createOrder/malformed/schema-violations');
    expect(violation?.fuzz).toEqual({ generator: 'schema-violations', runs: 50 });
    expect(violation?.generated).toMatch(/each breaking one of: (\/[\w/]*: [a-zA-Z]+(, )?)+$/);
  });
});

describe('deriveSeed', () => {
  it('is stable, and differs by case and by run seed', () => {
    expect(deriveSeed(1, 'a')).toBe(deriveSeed(1, 'a'));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(1, 'b'));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(2, 'a'));
  });

  it('plans a suite of over 100,000 cases (9,100 routes) without overflowing the call stack', () => {
    // The bench's 100k-case manifest: its unauthorized suite alone is more cases than push(...spread) takes.
    const large = parseManifest(syntheticManifest(9_100, 'get'), 'synthetic-9100.json');
    const plan = buildPlan(large, { seed: 11, runs: 1, suites: ['unauthorized'] });
    expect(plan.cases.length).toBeGreaterThan(100_000);
    expect(new Set(plan.cases.map((c) => c.endpointId)).size).toBe(9_100);
  }, 60_000);
});
