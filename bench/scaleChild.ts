/**
 * One scale point in its own process, so each size has its own heap and peak RSS:
 * `node --import tsx bench/scaleChild.ts <manifest.json> <endpoints> <runs> <baseUrl> <reportsDir>`.
 * Loads a synthetic manifest file (bench/scale.ts writes it), plans it, runs it (concurrency 8,
 * four suites), writes the reports as the CLI does, and prints one JSON line.
 */
import { join } from 'node:path';
import { environmentFacts } from '../src/cli/environmentFacts.ts';
import { applyHeapPolicy } from '../src/cli/heapPolicy.ts';
import { loadManifest } from '../src/manifest/loadManifest.ts';
import { buildPlan } from '../src/plan/buildPlan.ts';
import { caseRecorder, evidenceHead } from '../src/report/buildEvidence.ts';
import { CaseSpool } from '../src/report/caseSpool.ts';
import { redactDeep } from '../src/report/redactDeep.ts';
import { fileSink, writeReports } from '../src/report/writeReports.ts';
import type { CaseResult } from '../src/run/caseResult.ts';
import { executeRun } from '../src/run/executeRun.ts';
import type { Redactor } from '../src/transport/redactor.ts';
import { mb, requestsSent, rssSampler } from './lib/stats.ts';

const [manifestFile, endpoints, runs, baseUrl, reportsDir] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4]), process.argv[5]!, process.argv[6]!];
const sampler = rssSampler(20);
const baseRss = process.memoryUsage.rss();

let t = performance.now();
const manifest = await loadManifest(manifestFile);
const plan = buildPlan(manifest, { seed: 11, runs, suites: ['positive', 'revoked-token', 'unauthorized', 'malformed'] });
const planMs = performance.now() - t;
// As the CLI does once the plan is known (src/cli/runCommand.ts).
const heapPolicy = applyHeapPolicy(plan.cases.length);
const afterPlanRss = sampler.peak();
/** Live heap after a full collection (the child runs with --expose-gc): what is retained, not garbage. */
const retainedMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return mb(process.memoryUsage().heapUsed);
};
const planHeapMb = retainedMb();

let requests = 0;
let notPassed = 0;
/** MEMLOG=1: memory every 5,000 results as they land, to see where a run's memory goes (MEMLOG=gc: after a full collection). */
function memLog() {
  let n = 0;
  return {
    onCaseResult(r: Readonly<CaseResult>) {
      if (++n % 5000 !== 0) return;
      if (process.env.MEMLOG === 'gc') (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      process.stderr.write(`mem ${n} (${r.case.suite}) rss ${Math.round(mb(m.rss))} heap ${Math.round(mb(m.heapUsed))}/${Math.round(mb(m.heapTotal))}\n`);
    },
  };
}

let redactor: Redactor | undefined;
let firstFailure: string | undefined;
const redact = (text: string) => redactor!.redact(text);
// As the CLI does (src/cli/runCommand.ts): each case's evidence to a spool on disk as it lands.
const spool = new CaseSpool();
t = performance.now();
const summary = await executeRun({
  manifest,
  plan,
  baseUrl,
  env: process.env,
  limits: { concurrency: 8 },
  onRedactor: (r) => (redactor = r),
  reporters: [
    {
      onCaseResult(r: Readonly<CaseResult>) {
        requests += requestsSent(r);
        if (r.status !== 'passed') notPassed++;
        if (r.status !== 'passed' && firstFailure === undefined) firstFailure = `${r.case.id}: ${r.findings.map((f) => f.message).join('; ') || r.failure?.message}`;
      },
    },
    caseRecorder((c) => spool.add(c), { redact }),
    ...(process.env.MEMLOG ? [memLog()] : []),
  ],
});
const runMs = performance.now() - t;
const afterRunRss = sampler.peak();
const heapAfterRunMb = retainedMb();

t = performance.now();
let reportMs = Number.NaN;
let reportError: string | undefined;
try {
  const evidence = { ...redactDeep(evidenceHead(summary, { ...environmentFacts() }), redact), cases: spool };
  writeReports(evidence, { dir: reportsDir, junit: join(reportsDir, 'junit.xml') }, (path) => {
    const sink = fileSink(path, redact);
    if (!process.env.MEMLOG) return sink;
    const started = performance.now();
    return { write: sink.write, close: () => (sink.close(), process.stderr.write(`report ${path.split('/').at(-1)} ${Math.round(performance.now() - started)} ms, rss ${Math.round(mb(process.memoryUsage.rss()))} (peak so far ${Math.round(mb(sampler.peak()))})\n`)) };
  });
  reportMs = performance.now() - t;
} catch (error) {
  reportError = String(error).slice(0, 200);
}
spool.close();
const peak = sampler.stop();
process.stdout.write(
  `${JSON.stringify({
    endpoints,
    runs,
    cases: plan.cases.length,
    samples: plan.cases.reduce((n, c) => n + (c.fuzz?.runs ?? 1), 0),
    requests,
    notPassed,
    firstFailure,
    heapPolicy,
    planMs,
    runMs,
    reportMs,
    reportError,
    baseRssMb: mb(baseRss),
    afterPlanRssMb: mb(afterPlanRss),
    planHeapMb,
    afterRunRssMb: mb(afterRunRss),
    heapAfterRunMb,
    peakRssMb: mb(peak),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
