import { loadManifest } from '../../src/manifest/loadManifest.ts';
import { buildPlan } from '../../src/plan/buildPlan.ts';
import { runCollecting } from '../runCollecting.ts';
import { startTarget } from '../harness.ts';
import type { Catcher } from './catalogue.ts';

/** What one run against one regression showed: which suite × check pairs reported, and how many runs a property needed. */
export interface Detection {
  regression: string;
  pairs: Set<string>;
  failingCases: number;
  /** For property cases that failed: the fewest runs any of them needed to find it. */
  runsNeeded?: number;
  /** Runs needed over several seeds, when measured. */
  runsSummary?: string;
  exitCode: number;
}

/** Runs the harness in-process against the reference API with one regression on. */
export async function detect(regression: string, manifestFile: string, seed: number): Promise<Detection> {
  const target = await startTarget(regression ? [regression] : []);
  try {
    const manifest = await loadManifest(manifestFile);
    const plan = buildPlan(manifest, { seed });
    // A short deadline keeps the hang regression cheap; the reference API answers in milliseconds.
    const summary = await runCollecting({ manifest, plan, baseUrl: target.api.url, env: target.env, limits: { timeoutMs: 1500 } });
    const pairs = new Set<string>();
    let runsNeeded: number | undefined;
    for (const r of summary.results) {
      if (r.status === 'error') pairs.add(`${r.case.suite}/${'no-response' satisfies Catcher}`);
      for (const f of r.findings) pairs.add(`${r.case.suite}/${f.checkId}`);
      if (r.status !== 'passed' && r.property?.counterexample) runsNeeded = Math.min(runsNeeded ?? Infinity, r.property.runs);
    }
    const failingCases = summary.results.filter((r) => r.status !== 'passed').length;
    return { regression, pairs, failingCases, runsNeeded, exitCode: failingCases > 0 ? 1 : 0 };
  } finally {
    await target.close();
  }
}
