/**
 * Start-up of `harden --version`: the compiled CLI (bin/harden.js → dist/, as the package ships it)
 * against the TypeScript sources through tsx (as the CLI started before it was built), with bare
 * Node as the floor. Variants alternate repetition by repetition, after one unrecorded warm-up each.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, runChild } from './lib/child.ts';
import { median } from './lib/stats.ts';

export interface CliStartRow {
  label: string;
  command: string;
  wallMs: number[];
  median: number;
  /** Every run printed the version and exited 0 (the floor prints nothing). */
  ok: boolean;
}

const VARIANTS = [
  { label: 'Node alone (floor)', args: ['-e', '0'] },
  { label: 'built JavaScript', args: ['bin/harden.js', '--version'] },
  { label: 'TypeScript through tsx', args: ['--import', 'tsx', 'src/cli/bin.ts', '--version'] },
] as const;

let built = false;

/** `npm run build`, once per bench (not timed), so dist/ holds the code being measured. */
export function buildOnce(): void {
  if (built) return;
  const npmCli = process.env.npm_execpath ?? join(process.execPath, '../../lib/node_modules/npm/bin/npm-cli.js');
  execFileSync(process.execPath, [npmCli, 'run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  built = true;
}

export async function measureCliStart(reps: number): Promise<CliStartRow[]> {
  buildOnce();
  const { version } = (await import(join(ROOT, 'package.json'), { with: { type: 'json' } })).default as { version: string };
  const rows = VARIANTS.map((v) => ({ label: v.label, command: `node ${v.args.join(' ')}`, wallMs: [] as number[], median: 0, ok: true }));
  for (let rep = -1; rep < reps; rep++) {
    for (const [i, variant] of VARIANTS.entries()) {
      const run = await runChild([...variant.args], process.env, 60_000);
      if (rep < 0) continue;
      rows[i]!.wallMs.push(run.wallMs);
      const printed = (variant.args as readonly string[]).includes('--version') ? run.stdout.trim() === version : true;
      if (run.code !== 0 || !printed) rows[i]!.ok = false;
    }
  }
  for (const row of rows) row.median = median(row.wallMs);
  return rows;
}
