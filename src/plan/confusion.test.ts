import { describe, expect, it } from 'vitest';
import { loadManifest } from '../manifest/loadManifest.ts';
import { buildPlan } from './buildPlan.ts';
import { safeMethodsOnly } from './safeMethodsOnly.ts';

const manifest = await loadManifest('fixtures/reference-api/manifest.yaml');

describe('method and path confusion (unauthorized suite)', () => {
  const plan = buildPlan(manifest, { seed: 7, suites: ['unauthorized'] });
  const of = (endpointId: string) => plan.cases.filter((c) => c.endpointId === endpointId);

  it('sends each override header on a GET with a token the overriding route does not accept', () => {
    const overrides = of('getOrder').filter((c) => c.variant.startsWith('method override'));
    expect(overrides.map((c) => c.variant)).toEqual([
      'method override: X-HTTP-Method-Override DELETE',
      'method override: X-HTTP-Method DELETE',
      'method override: X-Method-Override DELETE',
    ]);
    for (const c of overrides) {
      expect(c.request.method).toBe('GET');
      expect(c.credential?.token).toEqual({ kind: 'live', scopes: ['orders:read'] });
      expect(c.expect.outcome).toBe('accept');
      expect(c.expect.statuses).toEqual(expect.arrayContaining([200, 403]));
      expect(c.expect.statuses).not.toContain(204);
    }
    expect(of('createOrder').some((c) => c.variant.startsWith('method override'))).toBe(false);
  });

  it('sends TRACE and PROPFIND on every protected route, without credentials, and accepts only a 4xx or 501', () => {
    const unlisted = plan.cases.filter((c) => c.variant.startsWith('unlisted method'));
    const protectedRoutes = [...new Set(plan.cases.filter((c) => c.suite === 'unauthorized' && c.variant === 'no credentials').map((c) => c.endpointId))];
    expect(unlisted.map((c) => `${c.request.method} ${c.endpointId}`)).toEqual(protectedRoutes.flatMap((id) => [`TRACE ${id}`, `PROPFIND ${id}`]));
    for (const c of unlisted) {
      expect(c.credential).toBeUndefined();
      expect(c.request.body).toBeUndefined();
      expect(c.expect.statuses).toContain(405);
      expect(c.expect.statuses).toContain(501);
      expect(c.expect.statuses).not.toContain(200);
    }
  });

  it('sends path variants that normalise back to the route, without credentials', () => {
    const paths = of('getOrder').filter((c) => c.variant.startsWith('path variant')).map((c) => c.request.path);
    const id = '3f2b8c1e-9a4d-4e2b-8f6a-1c2d3e4f5a6b';
    expect(paths).toEqual([`/orders/${id}/`, `//orders/${id}`, `/./orders/${id}`, `/orders/%2e%2e/orders/${id}`, `/ORDERS/${id}`]);
    for (const c of of('getOrder').filter((c) => c.variant.startsWith('path variant'))) {
      expect(c.credential).toBeUndefined();
      expect(c.expect.outcome).toBe('reject');
      expect(c.expect.statuses).toEqual(expect.arrayContaining([301, 308, 401, 404]));
      expect(c.expect.statuses.some((s) => s >= 200 && s < 300)).toBe(false);
    }
  });

  it('is skipped under --safe-methods-only when the override names a state-changing method', () => {
    const safe = safeMethodsOnly(plan);
    const override = safe.cases.find((c) => c.variant === 'method override: X-HTTP-Method DELETE' && c.endpointId === 'getOrder')!;
    expect(override.skip).toMatch(/DELETE/);
  });
});
