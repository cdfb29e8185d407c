import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHardenError, HardenError } from '../src/errors.ts';
import { applyEnvironment } from '../src/manifest/applyEnvironment.ts';
import { loadManifest } from '../src/manifest/loadManifest.ts';
import { runCli, startTarget } from './harness.ts';

const APPROVED = 'fixtures/manifests/environments/approved.yaml';
const UNAPPROVED = 'fixtures/manifests/environments/unapproved.yaml';

describe('environment profiles', () => {
  it('refuses a profile that changes a control without approval, naming file, line and pointer', async () => {
    const error = await loadManifest(UNAPPROVED).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HardenError);
    const text = formatHardenError(error as HardenError);
    expect(text).toMatch(/unapproved\.yaml:\d+:\d+ at \/environments\/staging\/endpoints\/listOrders: environment "staging" changes a control of "listOrders" \(public: true\) without approval/);
    expect(text).toMatch(/at \/environments\/production\/exposure: environment "production" expects exposure any/);
  });

  it('applies an approved profile and shows the difference as a warning', async () => {
    const manifest = await loadManifest(APPROVED);
    const staging = applyEnvironment(manifest, 'staging');
    expect(staging.baseUrl).toBe('http://127.0.0.1:8081');
    expect(staging.endpoints.find((e) => e.id === 'listOrders')).toMatchObject({ public: true, scopes: [] });
    expect(staging.warnings.some((w) => /environment staging: GET \/orders is public here \(approved: the staging list feeds the public demo page \(SEC-142\)\)/.test(w))).toBe(true);
    expect(applyEnvironment(manifest, 'production').exposure).toBe('any');
    expect(() => applyEnvironment(manifest, 'qa')).toThrow(/no environment "qa"; choose from local, staging, production/);
  });

  it('runs with --env, and a profile that differs from the API shows in the verdicts', async () => {
    const target = await startTarget();
    try {
      const local = await runCli(['run', APPROVED, '--env', 'local', '--base-url', target.api.url, '--seed', '3', '--runs', '5'], target.env);
      expect(local.code, local.out).toBe(0);
      // Staging expects a public order list; this API protects it, so the positive case is refused.
      const staging = await runCli(['run', APPROVED, '--env', 'staging', '--base-url', target.api.url, '--seed', '3', '--runs', '5'], target.env);
      expect(staging.code).toBe(1);
      expect(staging.out).toMatch(/FAIL\s+GET \/orders › positive › documented example/);
      // The replay line repeats --env, or it would plan another contract than the one that failed.
      expect(staging.out).toMatch(/npx harden run '[^']+approved\.yaml' --env 'staging' --runs '5' --base-url .* --case 'listOrders\/positive\/documented-example'/);
      const summary = readFileSync(join(staging.reports, 'summary.md'), 'utf8');
      expect(summary).toMatch(/environment staging: GET \/orders is public here/);
      const unknown = await runCli(['run', APPROVED, '--env', 'qa', '--base-url', target.api.url], target.env);
      expect(unknown.code).toBe(2);
    } finally {
      await target.close();
    }
  });
});
