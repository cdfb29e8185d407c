import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../src/manifest/loadManifest.ts';
import { buildPlan } from '../src/plan/buildPlan.ts';
import { runCollecting } from './runCollecting.ts';
import { startReferenceApi } from '../fixtures/reference-api/index.ts';
import { REFERENCE_MANIFEST } from './harness.ts';

/** The exposure suite against the reference API bound to loopback, then to every interface. */
async function exposureVerdict(host: string) {
  const clientSecret = randomBytes(16).toString('base64url');
  const api = await startReferenceApi({ clientId: 'c', clientSecret, host });
  try {
    const manifest = await loadManifest(REFERENCE_MANIFEST);
    const plan = buildPlan(manifest, { seed: 1, suites: ['exposure'] });
    // Traffic goes to 127.0.0.1 only; a wildcard bind also listens there.
    const summary = await runCollecting({ manifest, plan, baseUrl: `http://127.0.0.1:${api.port}`, env: { HARDEN_CLIENT_ID: 'c', HARDEN_CLIENT_SECRET: clientSecret } });
    return summary.results[0]!;
  } finally {
    await api.close();
  }
}

describe.runIf(process.platform === 'linux')('the exposure suite (manifest says exposure: loopback)', () => {
  it('passes when the API listens on 127.0.0.1 only', async () => {
    const result = await exposureVerdict('127.0.0.1');
    expect(result.status).toBe('passed');
    expect(result.note).toMatch(/127\.0\.0\.1:\d+ \(loopback\)/);
  });

  it('fails with LISTENER_EXPOSED when the API listens on every interface', async () => {
    const result = await exposureVerdict('0.0.0.0');
    expect(result.status).toBe('failed');
    expect(result.findings.map((f) => [f.checkId, f.code])).toEqual([['exposure', 'LISTENER_EXPOSED']]);
  });
});
