import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../src/manifest/loadManifest.ts';
import { buildPlan } from '../src/plan/buildPlan.ts';
import { SUITES } from '../src/plan/case.ts';
import { REFERENCE_JWT_MANIFEST, REFERENCE_MANIFEST } from './harness.ts';

describe('the vitest front', () => {
  it('has one file per suite, so vitest --shard (which splits by file) divides it', () => {
    const files = readdirSync('suites').filter((f) => f.endsWith('.test.ts')).sort();
    expect(files).toEqual(SUITES.map((s) => `${s}.test.ts`).sort());
    for (const suite of SUITES) expect(readFileSync(`suites/${suite}.test.ts`, 'utf8')).toContain(`defineSuite('${suite}')`);
  });

  it('plans each suite alone exactly as the whole plan holds it: same names, seeds and inputs as harden run', async () => {
    const manifests = await Promise.all([REFERENCE_MANIFEST, REFERENCE_JWT_MANIFEST].map((f) => loadManifest(f)));
    fc.assert(
      fc.property(fc.constantFrom(...manifests), fc.nat(), fc.constantFrom(...SUITES), fc.integer({ min: 1, max: 5 }), (manifest, seed, suite, runs) => {
        const whole = buildPlan(manifest, { seed, runs }).cases.filter((c) => c.suite === suite);
        expect(JSON.stringify(buildPlan(manifest, { seed, runs, suites: [suite] }).cases)).toBe(JSON.stringify(whole));
      }),
      { numRuns: 25 },
    );
  });
});
