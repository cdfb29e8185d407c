/**
 * `npm run bench` (about 6 minutes on 2 cores) or `npm run bench -- --quick` (about 1 minute).
 * Measures generation, the autocannon ceiling vs the harness, the stages alone, scale and Dredd,
 * all on 127.0.0.1 servers it starts; prints the figures and, in full mode (or with --docs),
 * refreshes the generated part of docs/benchmarks.md. Raw figures: reports/bench-results.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { ceilingOnce } from './ceiling.ts';
import { measureChecks, measurePlanner } from './components.ts';
import { FULL, QUICK } from './config.ts';
import { measureFuzzCost } from './fuzzCost.ts';
import { measureGeneration } from './generation.ts';
import { loadReferenceManifest, REFERENCE_MANIFEST, type Mix } from './harnessLoad.ts';
import { ROOT } from './lib/child.ts';
import { SEEDED_ORDER_ID, startReferenceTarget } from './lib/referenceApi.ts';
import { measureDredd } from './peer/dredd.ts';
import { measurePositive } from './peer/positiveSuite.ts';
import { renderFigures } from './render.ts';
import type { BenchResults } from './results.ts';
import { measureScale } from './scale.ts';
import { sideBySide } from './sideBySide.ts';
import { measureStartup } from './startup.ts';
import { measureCliStart } from './cliStart.ts';
import { measureSignalStop } from './signalStop.ts';
import { measureDocuments } from './documents.ts';
import { syntheticManifest } from './synthetic/manifest.ts';
import { updateDoc } from './writeDoc.ts';

const quick = process.argv.includes('--quick');
// `--only load,scale`: just those sections (to locate a change quickly); the doc is then left alone.
// Keys: generation, fuzz, load, checks, peer, planner, scale, startup, cli, signal, documents.
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg === -1 ? undefined : new Set(process.argv[onlyArg + 1]?.split(','));
const wanted = (key: string) => only === undefined || only.has(key);
const cfg = quick ? QUICK : FULL;
const log = (line: string) => process.stderr.write(`${line}\n`);
const began = performance.now();
const git = (...args: string[]) => {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};
const results: BenchResults = {
  machine: { cores: cpus().length, model: cpus()[0]?.model.trim() ?? 'unknown', node: process.version, os: `${type()} ${release()}`, memoryGb: totalmem() / 2 ** 30, commit: git('rev-parse', '--short', 'HEAD') || 'unknown', uncommitted: git('status', '--porcelain', '--', 'src', 'fixtures').split('\n').filter(Boolean).length },
  config: cfg,
  startedAt: new Date().toISOString(),
  totalMs: 0,
  command: `npm run bench${quick ? ' -- --quick' : ''}`,
  load: [],
  planner: [],
  checks: [],
  scale: [],
  dredd: [],
  positive: [],
  errors: [],
};

/** Runs one section; a failure is recorded and the bench goes on. */
async function section(name: string, body: () => Promise<void>, key = name.split(' ')[0]!): Promise<void> {
  if (!wanted(key)) return;
  const started = performance.now();
  log(`» ${name}`);
  try {
    await body();
  } catch (error) {
    results.errors.push({ section: name, message: String(error instanceof Error ? error.message : error).slice(0, 300) });
    log(`  failed: ${String(error)}`);
  }
  log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

const manifest = await loadReferenceManifest();

await section('generation', async () => {
  results.generation = measureGeneration(cfg.generation.samples, cfg.generation.reps);
});

await section('fuzzing cost per endpoint (fresh reference API)', async () => {
  const target = await startReferenceTarget();
  try {
    results.fuzz = await measureFuzzCost(manifest, target.url, target.env, cfg.fuzzReps);
  } finally {
    await target.stop();
  }
}, 'fuzz');

const target = await startReferenceTarget();
try {
  const live = await target.issue(['orders:read']);
  const revoked = await target.issue(['orders:read', 'orders:write', 'orders:admin']);
  await target.revoke(revoked.id);
  const route = `${target.url}/orders/${SEEDED_ORDER_ID}`;
  const auth: Record<Mix, string> = { served: `Bearer ${live.token}`, refused: `Bearer ${revoked.token}` };
  await section(`server warm-up (${cfg.warmupSeconds} s)`, async () => {
    await ceilingOnce(route, auth.served, 8, cfg.warmupSeconds, true);
  }, wanted('load') || wanted('checks') ? 'server' : 'none');
  for (const mix of ['served', 'refused'] as const) {
    for (const concurrency of cfg.concurrencies) {
      await section(`ceiling, floors and harness, ${mix}, concurrency ${concurrency}`, async () => {
        const row = await sideBySide(mix, concurrency, {
          manifest,
          baseUrl: target.url,
          routeUrl: route,
          env: target.env,
          authorization: auth[mix],
          seconds: cfg.ceilingSeconds,
          cases: cfg.loadCases[mix],
          floorRequests: cfg.floorRequests,
          withFloors: mix === 'served',
          reps: cfg.reps,
        });
        results.load.push(row);
        log(`  autocannon ${Math.round(row.ceiling)} req/s, harness ${Math.round(row.harness)} req/s (ratio ${row.ratio.toFixed(2)})`);
      }, 'load');
    }
    await section(`checks alone, ${mix}`, async () => {
      results.checks.push(await measureChecks(manifest, mix, target.url, target.env, cfg.checksCases, cfg.reps));
    }, 'checks');
  }
  await section('peer: Dredd and the positive suite', async () => {
    const admin = await target.issue(['orders:read', 'orders:write', 'orders:admin']);
    for (const concurrency of [1, 8]) results.positive.push(await measurePositive(manifest, target.url, target.env, concurrency, cfg.reps));
    results.dredd = await measureDredd(target.url, live.token, admin.token, cfg.dreddCopies, cfg.reps);
    await target.revoke(admin.id);
  }, 'peer');
  await target.revoke(live.id);
} finally {
  await target.stop();
}

await section('planner alone', async () => {
  results.planner.push(await measurePlanner('reference (all suites)', readFileSync(join(ROOT, REFERENCE_MANIFEST), 'utf8'), REFERENCE_MANIFEST, cfg.reps));
  // A cold plan of the synthetic manifest builds every endpoint's arbitraries (seconds): three repetitions.
  const n = cfg.plannerEndpoints;
  results.planner.push(await measurePlanner(`synthetic, ${n} endpoints`, syntheticManifest(n), `synthetic-${n}.json`, Math.min(cfg.reps, 3)));
});

await section('scale', async () => {
  results.scale = await measureScale(cfg.scale, 600_000, log);
});

await section('npm start', async () => {
  results.startup = await measureStartup(cfg.startupReps);
}, 'startup');

await section('harden --version: built JavaScript vs tsx', async () => {
  results.cliStart = await measureCliStart(cfg.cliStartReps);
}, 'cli');

await section('signal to exit, --runs 3000', async () => {
  results.signalStop = await measureSignalStop(cfg.signalReps);
}, 'signal');

await section('the largest real OpenAPI documents (HARDEN_CORPUS_DIR)', async () => {
  results.documents = await measureDocuments(cfg.documents.count, cfg.documents.deadlineSeconds, log);
}, 'documents');

results.totalMs = performance.now() - began;
const figures = renderFigures(results);
process.stdout.write(`${figures}\n`);
mkdirSync(join(ROOT, 'reports'), { recursive: true });
writeFileSync(join(ROOT, 'reports/bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
if (only !== undefined) {
  log('--only: docs/benchmarks.md left as it is');
} else if (!quick || process.argv.includes('--docs')) {
  updateDoc(join(ROOT, 'docs/benchmarks.md'), figures);
  log('docs/benchmarks.md refreshed');
} else {
  log('quick mode: docs/benchmarks.md left as it is (add --docs to refresh it)');
}
