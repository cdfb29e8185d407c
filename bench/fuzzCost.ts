/** The time fuzzing adds per endpoint: positive + malformed suites with runs 1 vs the default 50, same seed. */
import type { Manifest } from '../src/manifest/types.ts';
import { buildPlan } from '../src/plan/buildPlan.ts';
import { DEFAULT_RUNS } from '../src/plan/plannerOptions.ts';
import type { CaseResult } from '../src/run/caseResult.ts';
import { executeRun } from '../src/run/executeRun.ts';
import { median, repeat, requestsSent } from './lib/stats.ts';

export interface FuzzRow {
  endpointId: string;
  route: string;
  /** Median ms spent on the endpoint's cases (concurrency 1, so durations add up to wall time). */
  oneRunMs: number;
  defaultRunsMs: number;
  addedMs: number;
  /** Requests sent for the endpoint in one run with the default runs. */
  requests: number;
}

async function perEndpoint(manifest: Manifest, baseUrl: string, env: NodeJS.ProcessEnv, runs: number, seed: number) {
  const plan = buildPlan(manifest, { seed, suites: ['positive', 'malformed'], runs });
  const ms = new Map<string, number>();
  const requests = new Map<string, number>();
  const reporter = {
    onCaseResult(r: Readonly<CaseResult>) {
      ms.set(r.case.endpointId, (ms.get(r.case.endpointId) ?? 0) + r.durationMs);
      requests.set(r.case.endpointId, (requests.get(r.case.endpointId) ?? 0) + requestsSent(r));
    },
  };
  const started = performance.now();
  await executeRun({ manifest, plan, baseUrl, env, limits: { concurrency: 1 }, reporters: [reporter] });
  return { ms, requests, wallMs: performance.now() - started };
}

export async function measureFuzzCost(manifest: Manifest, baseUrl: string, env: NodeJS.ProcessEnv, reps: number, seed = 20240611) {
  const one = await repeat(reps, () => perEndpoint(manifest, baseUrl, env, 1, seed), 1);
  const full = await repeat(reps, () => perEndpoint(manifest, baseUrl, env, DEFAULT_RUNS, seed), 1);
  const rows: FuzzRow[] = manifest.endpoints.map((e) => {
    const oneRunMs = median(one.map((s) => s.ms.get(e.id) ?? 0));
    const defaultRunsMs = median(full.map((s) => s.ms.get(e.id) ?? 0));
    return { endpointId: e.id, route: `${e.method} ${e.path}`, oneRunMs, defaultRunsMs, addedMs: defaultRunsMs - oneRunMs, requests: full[0]!.requests.get(e.id) ?? 0 };
  });
  return { rows, oneRunWallMs: median(one.map((s) => s.wallMs)), defaultRunsWallMs: median(full.map((s) => s.wallMs)), runs: DEFAULT_RUNS };
}
