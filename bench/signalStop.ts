/**
 * Signal to exit with `--runs 3000`: the compiled CLI runs the reference manifest through a counting
 * proxy; at the proxy's 400th request (deep in the property cases) it gets SIGTERM, and the clock
 * runs until the process has exited, its partial reports written.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCountingProxy } from '../test/countingProxy.ts';
import { buildOnce } from './cliStart.ts';
import { ROOT } from './lib/child.ts';
import { startReferenceTarget } from './lib/referenceApi.ts';
import { median } from './lib/stats.ts';

export interface SignalStopRow {
  runs: number;
  exitMs: number[];
  median: number;
  /** Requests to the API (token revocations aside) that reached the proxy after the signal. */
  requestsAfter: number[];
  exitCodes: (number | null)[];
}

const SIGNAL_AT = 400;
const RUNS = 3000;

export async function measureSignalStop(reps: number): Promise<SignalStopRow> {
  buildOnce();
  const target = await startReferenceTarget();
  const row: SignalStopRow = { runs: RUNS, exitMs: [], median: 0, requestsAfter: [], exitCodes: [] };
  try {
    for (let rep = 0; rep < reps; rep++) {
      const reports = mkdtempSync(join(tmpdir(), 'harden-bench-signal-'));
      let signalled: number | undefined;
      let after = 0;
      let kill: () => void = () => undefined;
      const proxy = await startCountingProxy(target.url, (req, count) => {
        if (signalled !== undefined) return void (req.url?.startsWith('/auth/') || after++);
        if (count < SIGNAL_AT) return;
        signalled = performance.now();
        kill();
      });
      try {
        const args = ['bin/harden.js', 'run', 'fixtures/reference-api/manifest.yaml', '--base-url', proxy.url, '--runs', String(RUNS), '--seed', String(rep + 1), '--no-progress', '--reports-dir', reports];
        const child = spawn(process.execPath, args, { cwd: ROOT, env: target.env, stdio: 'ignore' });
        kill = () => child.kill('SIGTERM');
        // Bounded: a run that ignored the signal would take minutes; give up after two.
        const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
        const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
        clearTimeout(guard);
        if (signalled === undefined) throw new Error(`the run ended (exit ${code}) before its ${SIGNAL_AT}th request`);
        row.exitMs.push(performance.now() - signalled);
        row.requestsAfter.push(after);
        row.exitCodes.push(code);
      } finally {
        await proxy.close();
        rmSync(reports, { recursive: true, force: true });
      }
    }
  } finally {
    await target.stop();
  }
  row.median = median(row.exitMs);
  return row;
}
