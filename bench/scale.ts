/** Scale: plan + run + reports for synthetic manifests of growing size, each point in its own process. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild, startServerChild } from './lib/child.ts';
import { median } from './lib/stats.ts';
import { SYNTHETIC_TOKENS, syntheticManifest, type SyntheticKind } from './synthetic/manifest.ts';

export interface ScalePoint {
  label: string;
  endpoints: number;
  runs: number;
  kind: SyntheticKind;
  reps: number;
}

/** What scaleChild.ts prints; numbers are medians over the point's repetitions. */
export interface ScaleRow extends ScalePoint {
  cases: number;
  samples: number;
  requests: number;
  notPassed: number;
  firstFailure?: string;
  planMs: number;
  runMs: number;
  reportMs: number;
  reportError?: string;
  afterPlanRssMb: number;
  /** Live heap after a forced collection, after planning and after the run (before reports). */
  planHeapMb: number;
  afterRunRssMb: number;
  heapAfterRunMb: number;
  peakRssMb: number;
  maxRssMb: number;
  wallMs: number;
  /** Whether the CLI's heap policy for large plans applied (src/cli/heapPolicy.ts). */
  heapPolicy?: boolean;
  error?: string;
}

const NUMERIC = ['cases', 'samples', 'requests', 'notPassed', 'planMs', 'runMs', 'reportMs', 'afterPlanRssMb', 'planHeapMb', 'afterRunRssMb', 'heapAfterRunMb', 'peakRssMb', 'maxRssMb', 'wallMs'] as const;

export async function measureScale(points: readonly ScalePoint[], timeoutMs: number, log: (line: string) => void): Promise<ScaleRow[]> {
  const tokens = { [SYNTHETIC_TOKENS.rw]: randomBytes(18).toString('base64url'), [SYNTHETIC_TOKENS.other]: randomBytes(18).toString('base64url'), [SYNTHETIC_TOKENS.revoked]: randomBytes(18).toString('base64url') };
  const env = { ...process.env, ...tokens };
  const server = await startServerChild('bench/synthetic/server.ts', env);
  const rows: ScaleRow[] = [];
  try {
    for (const point of points) {
      const runs: ScaleRow[] = [];
      for (let rep = 0; rep < point.reps; rep++) {
        const dir = mkdtempSync(join(tmpdir(), 'harden-bench-scale-'));
        // Written here, read there: the child measures what a run of a manifest file costs, not making one.
        const manifestFile = join(dir, `synthetic-${point.kind}-${point.endpoints}.json`);
        writeFileSync(manifestFile, syntheticManifest(point.endpoints, point.kind));
        const child = await runChild(['--expose-gc', '--import', 'tsx', 'bench/scaleChild.ts', manifestFile, String(point.endpoints), String(point.runs), server.url, dir], env, timeoutMs);
        rmSync(dir, { recursive: true, force: true });
        try {
          runs.push({ ...point, ...(JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as ScaleRow), wallMs: child.wallMs });
        } catch {
          runs.push({ ...point, wallMs: child.wallMs, error: `exit ${child.code}: ${child.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}` } as ScaleRow);
          break;
        }
      }
      const row: ScaleRow = { ...runs[0]! };
      for (const key of NUMERIC) row[key] = median(runs.map((r) => r[key]));
      rows.push(row);
      log(`  scale ${point.label}: ${row.error ?? `${row.cases} cases, ${row.requests} requests, run ${Math.round(row.runMs)} ms, peak RSS ${Math.round(row.peakRssMb)} MB`}`);
    }
  } finally {
    await server.stop();
  }
  return rows;
}
