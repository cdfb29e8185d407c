/**
 * One scale point in its own process, so each size has its own heap and peak RSS:
 * `node --import tsx bench/scaleChild.ts <endpoints> <runs> <mixed|get> <baseUrl> <reportsDir>`.
 * Plans a synthetic manifest, runs it (concurrency 8, four suites), writes the reports, and prints one JSON line.
 */
import { join } from 'node:path';
import { environmentFacts } from '../src/cli/environmentFacts.ts';
import { parseManifest } from '../src/manifest/parseManifest.ts';
import { buildPlan } from '../src/plan/buildPlan.ts';
import { caseRecorder, evidenceHead } from '../src/report/buildEvidence.ts';
import { CaseSpool } from '../src/report/caseSpool.ts';
import { redactDeep } from '../src/report/redactDeep.ts';
import { fileSink, writeReports } from '../src/report/writeReports.ts';
import type { CaseResult } from '../src/run/caseResult.ts';
import { executeRun } from '../src/run/executeRun.ts';
import type { Redactor } from '../src/transport/redactor.ts';
import { mb, rssSampler } from './lib/stats.ts';
import { syntheticManifest, type SyntheticKind } from './synthetic/manifest.ts';

const [endpoints, runs, kind, baseUrl, reportsDir] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4] as SyntheticKind, process.argv[5]!, process.argv[6]!];
const sampler = rssSampler(20);
const baseRss = process.memoryUsage.rss();

let t = performance.now();
const manifest = parseManifest(syntheticManifest(endpoints, kind), `synthetic-${kind}-${endpoints}.json`);
const plan = buildPlan(manifest, { seed: 11, runs, suites: ['positive', 'revoked-token', 'unauthorized', 'malformed'] });
const planMs = performance.now() - t;
const afterPlanRss = sampler.peak();
/** Live heap after a full collection (the child runs with --expose-gc): what is retained, not garbage. */
const retainedMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return mb(process.memoryUsage().heapUsed);
};
const planHeapMb = retainedMb();

let requests = 0;
let notPassed = 0;
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
        // A property case keeps one outcome; it sent about runs × that outcome's exchanges.
        requests += r.property ? r.property.runs * Math.max(1, r.exchanges.length) : r.exchanges.length;
        if (r.status !== 'passed') notPassed++;
        if (r.status !== 'passed' && firstFailure === undefined) firstFailure = `${r.case.id}: ${r.findings.map((f) => f.message).join('; ') || r.failure?.message}`;
      },
    },
    caseRecorder((c) => spool.add(c), { redact }),
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
  writeReports(evidence, { dir: reportsDir, junit: join(reportsDir, 'junit.xml') }, (path) => fileSink(path, redact));
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
