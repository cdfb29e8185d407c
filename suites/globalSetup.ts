import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { startReferenceApi } from '../fixtures/reference-api/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    hardenTarget: { manifest: string; baseUrl: string; env: Record<string, string> };
  }
}

/**
 * The suites' target: the API named by HARDEN_MANIFEST and HARDEN_BASE_URL, or else the bundled
 * reference API, started here on an ephemeral loopback port with credentials made for this run.
 */
export default async function setup(project: TestProject) {
  if (process.env.HARDEN_MANIFEST) {
    project.provide('hardenTarget', { manifest: process.env.HARDEN_MANIFEST, baseUrl: process.env.HARDEN_BASE_URL ?? '', env: {} });
    return;
  }
  const clientId = 'harden-suites';
  const clientSecret = randomBytes(24).toString('base64url');
  const api = await startReferenceApi({ clientId, clientSecret, regressions: (process.env.REFERENCE_REGRESSIONS ?? '').split(',').filter(Boolean) });
  project.provide('hardenTarget', {
    manifest: 'fixtures/reference-api/manifest.yaml',
    baseUrl: api.url,
    env: { HARDEN_CLIENT_ID: clientId, HARDEN_CLIENT_SECRET: clientSecret },
  });
  return () => api.close();
}
