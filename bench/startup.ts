/** `npm start`: the whole demo (reference API + harness run + reports), as a user runs it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild } from './lib/child.ts';
import { median, repeat } from './lib/stats.ts';

export interface StartupRow {
  wallMs: number[];
  median: number;
  exitCodes: (number | null)[];
}

/** Runs `npm start -- --reports-dir <tmp>` (reports kept out of the work tree); wall clock per run. */
export async function measureStartup(reps: number): Promise<StartupRow> {
  const npmCli = process.env.npm_execpath;
  const exitCodes: (number | null)[] = [];
  const wallMs = await repeat(reps, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harden-bench-start-'));
    const args = ['start', '--', '--reports-dir', dir, '--junit', join(dir, 'junit.xml'), '--no-progress'];
    // Through npm itself, as users type it; npm_execpath is npm's CLI when the bench runs under `npm run bench`.
    const child = npmCli ? await runChild([npmCli, ...args], process.env, 120_000) : await runChild([join(process.execPath, '../../lib/node_modules/npm/bin/npm-cli.js'), ...args], process.env, 120_000);
    rmSync(dir, { recursive: true, force: true });
    exitCodes.push(child.code);
    return child.wallMs;
  });
  return { wallMs, median: median(wallMs), exitCodes };
}
