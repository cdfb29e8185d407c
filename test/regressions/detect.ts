import { rmSync } from 'node:fs';
import { readEvidence } from '../../src/report/readEvidence.ts';
import { runCli, startTarget } from '../harness.ts';
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
  /** The exit code `harden run` returned: the gate's own decision, not one computed here. */
  exitCode: number;
}

/**
 * Runs `harden run` against the reference API with one regression on, through the `main` the bin
 * calls (in-process, so a run costs no process start), and reads what it decided from its exit
 * code and what it found from the evidence.json it wrote.
 */
export async function detect(regression: string, manifestFile: string, seed: number): Promise<Detection> {
  const target = await startTarget(regression ? [regression] : []);
  let reports: string | undefined;
  try {
    // A short deadline keeps the hang regression cheap; the reference API answers in milliseconds.
    const cli = await runCli(['run', manifestFile, '--base-url', target.api.url, '--seed', String(seed), '--timeout', '1500', '--no-progress'], target.env);
    reports = cli.reports;
    if (cli.code > 1) throw new Error(`harden run stopped with exit ${cli.code} against ${regression || 'the hardened API'}:\n${cli.err}`);
    const pairs = new Set<string>();
    let runsNeeded: number | undefined;
    let failingCases = 0;
    for (const c of readEvidence(reports).cases) {
      if (c.verdict === 'error') pairs.add(`${c.suite}/${'no-response' satisfies Catcher}`);
      for (const f of c.findings) pairs.add(`${c.suite}/${f.check}`);
      if (c.verdict === 'failed' || c.verdict === 'error') failingCases++;
      if (c.verdict !== 'passed' && c.property?.counterexample !== undefined) runsNeeded = Math.min(runsNeeded ?? Infinity, c.property.runs);
    }
    return { regression, pairs, failingCases, runsNeeded, exitCode: cli.code };
  } finally {
    if (reports) rmSync(reports, { recursive: true, force: true });
    await target.close();
  }
}
