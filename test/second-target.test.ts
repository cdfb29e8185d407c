import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startFastifyApi } from '../fixtures/fastify-api/index.ts';
import { loadManifest } from '../src/manifest/loadManifest.ts';
import { buildPlan } from '../src/plan/buildPlan.ts';
import { runCollecting, type CollectedRun } from './runCollecting.ts';

/**
 * A second target of a different style: the same orders API on fastify 5, with fastify's own error
 * bodies instead of RFC 9457. A clean run under its manifest, over many seeds, shows the harness does
 * not depend on the reference API's conventions; a failing run under the reference manifest shows the
 * error checks follow whichever contract the manifest states.
 */
const FASTIFY_MANIFEST = 'fixtures/fastify-api/manifest.yaml';
const REFERENCE_MANIFEST = 'fixtures/reference-api/manifest.yaml';
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

/** A fresh server per run, so a failing seed replays from the same state. */
async function runAgainstFastify(manifestFile: string, seed: number): Promise<CollectedRun> {
  const clientId = 'harden-fastify';
  const clientSecret = randomBytes(24).toString('base64url');
  const api = await startFastifyApi({ clientId, clientSecret });
  try {
    const manifest = await loadManifest(manifestFile);
    const plan = buildPlan(manifest, { seed, runs: 20 });
    const env = { ...process.env, HARDEN_CLIENT_ID: clientId, HARDEN_CLIENT_SECRET: clientSecret };
    return await runCollecting({ manifest, plan, baseUrl: api.url, env });
  } finally {
    await api.close();
  }
}

/** One paragraph per case that did not pass: enough to read the failure without a rerun (results are already redacted). */
function explain(summary: CollectedRun): string {
  return summary.results
    .filter((r) => r.status !== 'passed')
    .map((r) => {
      const answer = r.exchanges[0]?.response;
      const lines = [
        `${r.status}: ${r.case.title} (case ${r.case.id}, seed ${summary.seed})`,
        ...r.findings.map((f) => `  [${f.checkId}] ${f.code}: ${f.message}`),
        ...(r.failure ? [`  transport: ${r.failure.kind} ${r.failure.code ?? ''}`] : []),
        ...(answer ? [`  answer: ${answer.status} ${answer.headers['content-type'] ?? ''} ${answer.body.slice(0, 300)}`] : []),
      ];
      return lines.join('\n');
    })
    .join('\n');
}

describe('the fastify target under its own manifest', () => {
  it.each(SEEDS)('seed %i: every case holds', async (seed) => {
    const summary = await runAgainstFastify(FASTIFY_MANIFEST, seed);
    const { failed, errors, tests } = summary.totals;
    expect({ failed, errors }, explain(summary)).toEqual({ failed: 0, errors: 0 });
    expect(tests).toBeGreaterThan(50);
    // Every suite ran, the drill included: a clean run that skipped suites would prove little.
    for (const suite of ['positive', 'revoked-token', 'unauthorized', 'malformed'] as const) expect(summary.suites[suite].tests).toBeGreaterThan(0);
    expect(summary.rotation?.held).toBe(true);
  });
});

describe('the error checks follow the manifest, not RFC 9457', () => {
  it('the same hardened API fails the reference manifest on the error contract, and on nothing else', async () => {
    const summary = await runAgainstFastify(REFERENCE_MANIFEST, 1);
    expect(summary.totals.errors, explain(summary)).toBe(0);
    expect(summary.totals.failed).toBeGreaterThan(0);
    const checks = new Set(summary.results.flatMap((r) => r.findings.map((f) => f.checkId)));
    // application/json is not application/problem+json, and {statusCode, error, message} lacks title and status.
    expect([...checks].sort(), explain(summary)).toEqual(['error-content-type', 'error-schema']);
    const refusals = summary.results.filter((r) => r.case.expect.outcome === 'reject');
    expect(refusals.every((r) => r.status === 'failed')).toBe(true);
  });
});
