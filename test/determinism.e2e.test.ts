import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvidenceDocument } from '../src/report/evidence.ts';
import { REFERENCE_MANIFEST, runCli, startTarget } from './harness.ts';

/**
 * What a run decided and sent, without what the clock or the server's randomness put in:
 * durations, timestamps, and answer bodies (whose volatile members differ by design).
 */
function decisions(reports: string) {
  const evidence = JSON.parse(readFileSync(join(reports, 'evidence.json'), 'utf8')) as EvidenceDocument;
  return evidence.cases.map((c) => ({
    id: c.id,
    title: c.title,
    verdict: c.verdict,
    status: c.status,
    findings: c.findings.map((f) => `${f.check}/${f.code}`),
    requests: c.exchanges.map((e) => ({ ...e.request, url: e.request.url.replace(/:\d+\//, ':PORT/') })),
  }));
}

describe('deterministic by seed', () => {
  it('the same seed gives the same cases, requests and verdicts — on a fresh target, twice', async () => {
    const runs = [];
    for (let i = 0; i < 2; i++) {
      // A fresh API each time: the positive suite creates orders, and state must not leak between runs.
      const target = await startTarget(['large-quantity-500']);
      try {
        runs.push(await runCli(['run', REFERENCE_MANIFEST, '--base-url', target.api.url, '--seed', '424242', '--concurrency', '1'], target.env));
      } finally {
        await target.close();
      }
    }
    const [a, b] = runs.map((r) => decisions(r.reports));
    expect(a!.length).toBeGreaterThan(90);
    expect(b).toEqual(a);
    // The rare-input failure was found, shrunk and reported the same way both times.
    expect(runs[0]!.out).toMatch(/smallest failing input: .*"quantity":901/);
    expect(runs[1]!.out.match(/smallest failing input: .*/g)).toEqual(runs[0]!.out.match(/smallest failing input: .*/g));
  });
});
