import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exitCodeFor } from '../src/cli/exitCode.ts';
import { loadManifest } from '../src/manifest/loadManifest.ts';
import { buildPlan } from '../src/plan/buildPlan.ts';
import { safeMethodsOnly } from '../src/plan/safeMethodsOnly.ts';
import { runCollecting } from './runCollecting.ts';
import { validateJUnit } from './junitXml.ts';
import { REFERENCE_MANIFEST, startTarget } from './harness.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('a run that cannot finish still ends cleanly', () => {
  it('SIGINT mid-run: in-flight requests stop, the rest are skipped, valid partial reports are written, exit 3', async () => {
    // broken-json-hang keeps the broken-JSON case waiting on its 20 s deadline: the signal lands mid-request.
    const target = await startTarget(['broken-json-hang']);
    close = target.close;
    const reports = mkdtempSync(join(tmpdir(), 'harden-interrupted-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'run', REFERENCE_MANIFEST, '--base-url', target.api.url, '--seed', '1', '--concurrency', '1', '--timeout', '20000', '--reports-dir', reports, '--no-progress'], { env: target.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    // Wait for the run to start sending (tsx compiles first), then for it to reach the hanging case.
    const started = Date.now();
    while (!/harden: \d+ cases/.test(out) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1_500));
    const signalled = Date.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(Date.now() - signalled, out).toBeLessThan(8_000);
    expect(code, out).toBe(3);
    expect(out).toMatch(/SIGINT: stopping/);
    expect(out).toMatch(/the run was interrupted: \d+ of \d+ case\(s\) were not run/);
    const xml = readFileSync(join(reports, 'junit.xml'), 'utf8');
    expect(await validateJUnit(xml)).toEqual([]);
    expect(xml).toMatch(/<skipped\/>/);
    const evidence = JSON.parse(readFileSync(join(reports, 'evidence.json'), 'utf8')) as { warnings: string[]; cases: { verdict: string }[] };
    expect(evidence.warnings.some((w) => /interrupted/.test(w))).toBe(true);
    expect(evidence.cases.some((c) => c.verdict === 'passed')).toBe(true);
    expect(evidence.cases.some((c) => c.verdict === 'skipped')).toBe(true);
    expect(existsSync(join(reports, 'summary.md'))).toBe(true);
  }, 45_000);

  it('the target going down mid-run gives error verdicts, a sentence saying so, and exit 3 — not findings, not a hang', async () => {
    const target = await startTarget();
    close = target.close;
    const manifest = await loadManifest(REFERENCE_MANIFEST);
    const plan = buildPlan(manifest, { seed: 2, runs: 5 });
    let seen = 0;
    const summary = await runCollecting({
      manifest,
      plan,
      baseUrl: target.api.url,
      env: target.env,
      limits: { concurrency: 2, timeoutMs: 2_000 },
      reporters: [{ onCaseResult: async () => void (++seen === 15 && (await target.api.close())) }],
    });
    expect(exitCodeFor(summary)).toBe(3);
    const down = summary.results.filter((r) => r.status === 'error');
    expect(down.length).toBeGreaterThan(10);
    expect(down.every((r) => r.findings.length === 0)).toBe(true);
    expect(summary.results.filter((r) => r.status === 'failed')).toEqual([]);
    expect(summary.warnings.some((w) => /the target stopped answering during the run: \d+ case\(s\) could not be sent/.test(w))).toBe(true);
  });

  it('--safe-methods-only sends no state-changing request and reports those cases as skipped', async () => {
    const target = await startTarget();
    close = target.close;
    const manifest = await loadManifest(REFERENCE_MANIFEST);
    const plan = safeMethodsOnly(buildPlan(manifest, { seed: 3, runs: 5 }));
    const summary = await runCollecting({ manifest, plan, baseUrl: target.api.url, env: target.env });
    const sent = summary.results.flatMap((r) => r.exchanges.map((e) => e.request.method));
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent)).toEqual(new Set(['GET']));
    const skipped = summary.results.filter((r) => r.status === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.every((r) => ['POST', 'PATCH', 'DELETE'].includes(r.case.request.method) && /--safe-methods-only/.test(r.skipReason ?? ''))).toBe(true);
    expect(summary.results.filter((r) => r.status === 'failed' || r.status === 'error')).toEqual([]);
  });
});
