/** The harness's side of the peer comparison: the reference API's positive suite, timed like Dredd's test phase. */
import type { Manifest } from '../../src/manifest/types.ts';
import { buildPlan } from '../../src/plan/buildPlan.ts';
import type { CaseResult } from '../../src/run/caseResult.ts';
import { executeRun } from '../../src/run/executeRun.ts';
import { median, repeat, requestsSent } from '../lib/stats.ts';

export interface PositiveRow {
  concurrency: number;
  /** Requests per second of the sending phase (after tokens are issued, before they are revoked). */
  rps: number;
  requests: number;
  /** Plan + open session + send + close, ms. */
  wallMs: number;
  notPassed: number;
}

export async function measurePositive(manifest: Manifest, baseUrl: string, env: NodeJS.ProcessEnv, concurrency: number, reps: number): Promise<PositiveRow> {
  const runs = await repeat(
    reps,
    async () => {
      const started = performance.now();
      const plan = buildPlan(manifest, { seed: 5, suites: ['positive'] });
      let requests = 0;
      let notPassed = 0;
      let from = 0;
      let to = 0;
      await executeRun({
        manifest,
        plan,
        baseUrl,
        env,
        limits: { concurrency },
        reporters: [
          {
            onRunStart: () => void (from = performance.now()),
            onCaseResult(r: Readonly<CaseResult>) {
              requests += requestsSent(r);
              if (r.status !== 'passed') notPassed++;
            },
            onRunEnd: () => void (to = performance.now()),
          },
        ],
      });
      return { rps: requests / ((to - from) / 1000), requests, wallMs: performance.now() - started, notPassed };
    },
    1,
  );
  return { concurrency, rps: median(runs.map((r) => r.rps)), requests: runs[0]!.requests, wallMs: median(runs.map((r) => r.wallMs)), notPassed: runs.reduce((n, r) => n + r.notPassed, 0) };
}
