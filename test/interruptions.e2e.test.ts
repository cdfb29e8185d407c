import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
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
import { startCountingProxy } from './countingProxy.ts';

/** Property cases at --runs 3000 send thousands of requests each: by the 400th the run is deep in them. */
const SIGNAL_AT = 400;
const CONCURRENCY = 8;

function spawnCli(flags: string[], baseUrl: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'run', REFERENCE_MANIFEST, '--base-url', baseUrl, '--no-progress', ...flags], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function exited(child: ChildProcess): Promise<{ code: number | null; out: string }> {
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, out };
}

function parsesAsJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

function readEvidence(reports: string) {
  return JSON.parse(readFileSync(join(reports, 'evidence.json'), 'utf8')) as { warnings: string[]; cases: { verdict: string; skipReason?: string }[] };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('a run that cannot finish still ends cleanly', () => {
  it('SIGINT while a request hangs: it is abandoned, the rest are skipped, valid partial reports are written, exit 3', async () => {
    // broken-json-hang never answers broken JSON: the signal is sent the moment such a request has arrived.
    const target = await startTarget(['broken-json-hang']);
    let hanging: IncomingMessage | undefined;
    let child: ChildProcess | undefined;
    const proxy = await startCountingProxy(target.api.url, (req) => {
      const chunks: Buffer[] = [];
      req.on('data', (d: Buffer) => chunks.push(d));
      req.on('end', () => {
        if (hanging || !/json/.test(req.headers['content-type'] ?? '') || parsesAsJson(Buffer.concat(chunks))) return;
        hanging = req;
        child!.kill('SIGINT');
      });
    });
    close = async () => (await proxy.close(), await target.close());
    const reports = mkdtempSync(join(tmpdir(), 'harden-interrupted-'));
    child = spawnCli(['--seed', '1', '--concurrency', '1', '--timeout', '20000', '--reports-dir', reports], proxy.url, target.env);
    const { code, out } = await exited(child);
    expect(hanging, out).toBeDefined();
    // The target never answered it: the process ended because of the signal, not the request's deadline.
    expect(hanging!.socket?.destroyed ?? true).toBe(true);
    expect(code, out).toBe(3);
    expect(out).toMatch(/SIGINT: stopping/);
    expect(out).toMatch(/the run was interrupted: \d+ of \d+ cases? (was|were) not run/);
    const xml = readFileSync(join(reports, 'junit.xml'), 'utf8');
    expect(await validateJUnit(xml)).toEqual([]);
    expect(xml).toMatch(/<skipped\/>/);
    const evidence = readEvidence(reports);
    expect(evidence.warnings.some((w) => /interrupted/.test(w))).toBe(true);
    expect(evidence.cases.some((c) => c.verdict === 'passed')).toBe(true);
    expect(evidence.cases.some((c) => c.verdict === 'skipped')).toBe(true);
    expect(existsSync(join(reports, 'summary.md'))).toBe(true);
  }, 45_000);

  it('SIGTERM during --runs 3000 property runs: no case goes on, at most one request per worker arrives after it', async () => {
    const target = await startTarget();
    let atSignal: number | undefined;
    let after = 0;
    let child: ChildProcess | undefined;
    // From the signal on, the API's routes are held unanswered: no worker can finish a request and
    // start another, so only an abort ends the run. The revocation of the run's own tokens at the
    // end goes through and is not counted.
    const proxy = await startCountingProxy(target.api.url, (req, count) => {
      if (atSignal !== undefined) {
        if (req.url?.startsWith('/auth/')) return;
        after++;
        return 'hold';
      }
      if (count < SIGNAL_AT) return;
      atSignal = count;
      child!.kill('SIGTERM');
      return 'hold';
    });
    close = async () => (await proxy.close(), await target.close());
    const reports = mkdtempSync(join(tmpdir(), 'harden-interrupted-'));
    child = spawnCli(['--seed', '1', '--runs', '3000', '--concurrency', String(CONCURRENCY), '--reports-dir', reports], proxy.url, target.env);
    const { code, out } = await exited(child);
    expect(atSignal, out).toBe(SIGNAL_AT);
    // A request already on its way when the signal landed may still arrive: at most one per worker.
    expect(after, out).toBeLessThanOrEqual(CONCURRENCY);
    expect(code, out).toBe(3);
    expect(out).toMatch(/SIGTERM: stopping/);
    // Never headlined PASS: the cases it did not reach were not proven to hold.
    expect(out).toMatch(/^INCOMPLETE: \d+\/\d+ held.*the run was interrupted/m);
    expect(out).not.toMatch(/^PASS/m);
    expect(readFileSync(join(reports, 'summary.md'), 'utf8')).toMatch(/INCOMPLETE/);
    expect(await validateJUnit(readFileSync(join(reports, 'junit.xml'), 'utf8'))).toEqual([]);
    const evidence = readEvidence(reports);
    // A property case cut short is reported as not finished, not as a pass on the samples it got to.
    expect(evidence.cases.some((c) => c.verdict === 'skipped' && c.skipReason === 'not finished: the run was interrupted')).toBe(true);
    expect(evidence.cases.some((c) => c.verdict === 'skipped' && c.skipReason === 'not run: the run was interrupted')).toBe(true);
  }, 60_000);

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
    expect(exitCodeFor({ failed: summary.totals.failed, errors: summary.totals.errors, refused: summary.refused, incomplete: false, unprovenRequired: 0, drift: 0 })).toBe(3);
    const down = summary.results.filter((r) => r.status === 'error');
    expect(down.length).toBeGreaterThan(10);
    expect(down.every((r) => r.findings.length === 0)).toBe(true);
    expect(summary.results.filter((r) => r.status === 'failed')).toEqual([]);
    expect(summary.warnings.some((w) => /the target stopped answering during the run: \d+ cases? could not be sent/.test(w))).toBe(true);
  });

  it('--safe-methods-only sends no state-changing request and reports those cases as skipped', async () => {
    const target = await startTarget();
    close = target.close;
    const manifest = await loadManifest(REFERENCE_MANIFEST);
    const plan = safeMethodsOnly(buildPlan(manifest, { seed: 3, runs: 5 }));
    const summary = await runCollecting({ manifest, plan, baseUrl: target.api.url, env: target.env });
    const sent = summary.results.flatMap((r) => r.exchanges.map((e) => e.request.method));
    expect(sent.length).toBeGreaterThan(0);
    // RFC 9110 §9.2.1: GET and OPTIONS (the CORS preflight) are safe methods.
    expect(new Set(sent)).toEqual(new Set(['GET', 'OPTIONS']));
    const skipped = summary.results.filter((r) => r.status === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    // Skipped for the option: any method but GET, HEAD and OPTIONS, or a GET whose override header names one.
    const stateChanging = (r: (typeof skipped)[number]) => !['GET', 'HEAD', 'OPTIONS'].includes(r.case.request.method) || /^method override: /.test(r.case.variant);
    const forTheOption = skipped.filter((r) => /--safe-methods-only/.test(r.skipReason ?? ''));
    expect(forTheOption.length).toBeGreaterThan(0);
    expect(forTheOption.filter((r) => !stateChanging(r)).map((r) => r.case.title)).toEqual([]);
    expect(skipped.filter((r) => stateChanging(r) && !forTheOption.includes(r)).map((r) => r.case.title)).toEqual([]);
    expect(summary.results.filter((r) => r.status === 'failed' || r.status === 'error')).toEqual([]);
  });
});
