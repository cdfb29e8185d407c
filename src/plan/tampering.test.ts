import { describe, expect, it } from 'vitest';
import { loadManifest } from '../manifest/loadManifest.ts';
import { buildPlan } from './buildPlan.ts';
import { REFUSAL_RULES } from './refusalRules.ts';

const manifest = await loadManifest('fixtures/reference-api/manifest.yaml');

describe('token tampering (unauthorized suite)', () => {
  const plan = buildPlan(manifest, { seed: 3, suites: ['unauthorized'] });

  it('plans four tamperings of a granting live token on every protected route, each refused as invalid_token', () => {
    for (const endpoint of manifest.endpoints.filter((e) => !e.public)) {
      const cases = plan.cases.filter((c) => c.endpointId === endpoint.id && c.variant.startsWith('tampered token'));
      expect(cases.map((c) => c.variant)).toEqual(['tampered token: appended', 'tampered token: last-cut', 'tampered token: one-changed', 'tampered token: case-swapped']);
      for (const c of cases) {
        expect(c.credential?.token).toMatchObject({ kind: 'tampered', scopes: [endpoint.scopes[0]] });
        expect(c.expect.statuses).toEqual(manifest.errors.statuses.unauthenticated);
        expect(c.expect.challenge).toEqual(REFUSAL_RULES['invalid-token'].challenge);
      }
    }
  });

  it('names only the change, never a value, and asks the token stage for the live token it changes', () => {
    expect(JSON.stringify(plan.cases.filter((c) => c.credential?.token?.kind === 'tampered').map((c) => c.credential))).not.toMatch(/oat_|eyJ/);
    expect(plan.tokens.scopeSets).toEqual(expect.arrayContaining([['orders:read'], ['orders:write'], ['orders:admin']]));
  });
});
