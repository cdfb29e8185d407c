/** Markdown tables of one bench run: printed to stdout and written between the markers of docs/benchmarks.md. */
import { judgeGoals } from './goals.ts';
import { fmt } from './lib/stats.ts';
import type { BenchResults } from './results.ts';

const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function generation(r: BenchResults): string[] {
  const g = r.generation;
  if (!g) return [];
  const slow = [...g.schemas].filter((s) => !s.error).sort((a, b) => a.validPerSec - b.validPerSec).slice(0, 5);
  const costly = [...g.schemas].filter((s) => !s.error).sort((a, b) => b.buildInvalidMs - a.buildInvalidMs).slice(0, 5);
  return [
    `### 1. Generation (${g.schemas.length} schemas, ${g.samplesPerSchema} samples each, medians of ${r.config.generation.reps})`,
    table(['measure', 'value'], [
      ['valid cases/s (corpus)', fmt(g.validPerSec)],
      ['invalid cases/s (corpus, spread over every violation)', fmt(g.invalidPerSec)],
      ['build `validArbitrary`, whole corpus', `${fmt(g.buildValidMs, 1)} ms`],
      ['build `invalidArbitraries`, whole corpus', `${fmt(g.buildInvalidMs, 1)} ms`],
      ['schemas that failed to build', g.schemas.filter((s) => s.error).map((s) => s.name).join(', ') || 'none'],
    ]),
    '',
    'Slowest to sample (valid) and dearest to build (invalid):',
    '',
    table(['schema', 'valid/s', 'invalid/s', 'build valid ms', 'build invalid ms', 'violations'], [...new Set([...slow, ...costly])].map((s) => [s.name, fmt(s.validPerSec), fmt(s.invalidPerSec), fmt(s.buildValidMs, 1), fmt(s.buildInvalidMs, 1), s.violations])),
    '',
  ];
}

function fuzz(r: BenchResults): string[] {
  const f = r.fuzz;
  if (!f) return [];
  return [
    `### 1b. Time fuzzing adds per endpoint (positive + malformed, concurrency 1, runs 1 vs ${f.runs}, same seed, medians of ${r.config.fuzzReps})`,
    table(['endpoint', 'runs 1 ms', `runs ${f.runs} ms`, 'added ms', `≈ requests at runs ${f.runs}`], f.rows.map((x) => [`\`${x.route}\``, fmt(x.oneRunMs, 1), fmt(x.defaultRunsMs, 1), fmt(x.addedMs, 1), x.requests])),
    `Whole run (plan + tokens + send): ${fmt(f.oneRunWallMs)} ms with runs 1, ${fmt(f.defaultRunsWallMs)} ms with runs ${f.runs}.`,
    '',
  ];
}

function load(r: BenchResults): string[] {
  const floor = (h: BenchResults['load'][number], client: 'undici' | 'undici+deadline' | 'sendRequest') => {
    const f = h.floors[client];
    return f ? `${fmt(f.rps)} (${fmt(f.userUs + f.systemUs, 0)} µs)` : '';
  };
  const rows = r.load.map((h) => [h.mix, h.concurrency, fmt(h.ceiling), floor(h, 'undici'), floor(h, 'undici+deadline'), floor(h, 'sendRequest'), fmt(h.harness), `**${fmt(h.ratio, 2)}**`, fmt(h.ceilingCpuUs, 0), fmt(h.harnessCpuUs, 0), h.overheadMedianUs === undefined ? '' : fmt(h.overheadMedianUs, 0), `${h.notPassed}/${h.unexpected}`]);
  return [
    `### 2–3. Ceiling vs harness on \`GET /orders/{seeded id}\` (interleaved, medians of ${r.config.reps}; ratio = median of per-repetition ratios)`,
    table(['mix', 'concurrency', 'autocannon req/s', 'undici alone req/s (CPU/req)', 'undici + AbortSignal.timeout', 'sendRequest alone', 'harness req/s', 'harness / ceiling', 'autocannon CPU µs/req', 'harness CPU µs/req', 'overhead µs/case (c=1)', 'not passed / unexpected'], rows),
    '',
    'Stages alone (CPU only, no network):',
    '',
    table(['stage', 'input', 'rate'], [
      ...r.planner.map((p) => [`planner, ${p.manifest}`, `${p.cases} cases`, `${fmt(p.coldCasesPerSec)} cases/s cold (${fmt(p.coldMs)} ms), ${fmt(p.warmCasesPerSec)} cases/s warm (${fmt(p.warmMs)} ms)`]),
      ...r.checks.map((c) => [`runChecks, ${c.mix}`, `${c.exchanges} recorded exchanges`, `${fmt(c.checksPerSec)} exchanges/s`]),
      ...r.checks.map((c) => [`redactExchange, ${c.mix}`, `${c.exchanges} recorded exchanges`, `${fmt(c.redactPerSec)} exchanges/s`]),
      ...r.checks.map((c) => [`evidence recording (evidenceCase, redactDeep, spool), ${c.mix}`, `${c.cases} recorded results`, `${fmt(c.recordPerSec)} cases/s`]),
    ]),
    '',
  ];
}

function scale(r: BenchResults): string[] {
  if (r.scale.length === 0) return [];
  return [
    '### 4. Scale (synthetic manifests on the synthetic server, concurrency 8, four suites; one process per point)',
    table(['point', 'reps', 'cases', 'samples', '≈ requests', 'plan ms', 'run ms', 'reports ms', 'cases/s (run)', 'req/s (run)', 'RSS after plan MB', 'live heap after plan MB', 'RSS after run MB', 'live heap after run MB', 'max RSS MB', 'heap policy', 'not passed'], r.scale.map((s) =>
      s.error && !s.cases ? [s.label, s.reps, `failed: ${s.error}`, ...Array<string>(14).fill('')] : [s.label, s.reps, fmt(s.cases), fmt(s.samples), fmt(s.requests), fmt(s.planMs), fmt(s.runMs), s.reportError ? `failed: ${s.reportError.slice(0, 60)}` : fmt(s.reportMs), fmt(s.cases / (s.runMs / 1000)), fmt(s.requests / (s.runMs / 1000)), fmt(s.afterPlanRssMb), fmt(s.planHeapMb), fmt(s.afterRunRssMb), fmt(s.heapAfterRunMb), fmt(s.maxRssMb), s.heapPolicy ? 'yes' : 'no', s.notPassed ? `${s.notPassed} (${(s.firstFailure ?? '').slice(0, 80)})` : 0],
    )),
    '',
  ];
}

function peer(r: BenchResults): string[] {
  return [
    `### 5. Peer: Dredd (${r.dredd[0]?.version ?? 'not run'}) vs the harness's positive suite, reference API (medians of ${r.config.reps})`,
    table(['tool', 'what', 'requests', 'req/s', 'wall ms', 'clean'], [
      ...r.dredd.map((d) => ['Dredd', d.label, d.transactions, fmt(d.rps), fmt(d.wallMs), d.passed ? 'yes' : `no: ${d.error ?? ''}`]),
      ...r.positive.map((p) => ['harness', `positive suite, concurrency ${p.concurrency}`, p.requests, fmt(p.rps), fmt(p.wallMs), p.notPassed === 0 ? 'yes' : `${p.notPassed} not passed`]),
    ]),
    'Dredd req/s is its own "Tests took" clock (parsing and start-up excluded); the harness figure is its sending phase (tokens issued, before revocation). Wall ms is the whole command or call.',
    '',
  ];
}

function cli(r: BenchResults): string[] {
  const rows = r.cliStart ?? [];
  const s = r.signalStop;
  if (rows.length === 0 && !s) return [];
  const floor = rows[0]?.median ?? 0;
  return [
    `### 6. Start-up and stopping (\`harden --version\`: variants alternating, medians of ${r.config.cliStartReps}; signal: medians of ${r.config.signalReps})`,
    ...(rows.length === 0 ? [] : [table(['variant', 'command', 'wall ms (median)', 'above bare Node ms', 'runs ms', 'printed the version'], rows.map((x, i) => [x.label, `\`${x.command}\``, fmt(x.median), i === 0 ? '' : fmt(x.median - floor), x.wallMs.map((w) => fmt(w)).join(', '), x.ok ? 'yes' : '**no**']))]),
    ...(s ? ['', `SIGTERM at the 400th request of a \`--runs ${s.runs}\` run (compiled CLI) to exit: ${s.exitMs.map((w) => fmt(w)).join(', ')} ms (median ${fmt(s.median)} ms); requests after the signal ${s.requestsAfter.join(', ')}; exit ${s.exitCodes.join(', ')}.`] : []),
    '',
  ];
}

function documents(r: BenchResults): string[] {
  const d = r.documents;
  if (!d) return [];
  if (d.skipped !== undefined) return ['### 7. The largest real OpenAPI documents', `Not measured: ${d.skipped}.`, ''];
  return [
    `### 7. The largest real OpenAPI documents (\`harden plan FILE --format json\`, compiled CLI, one process each, ${d.deadlineSeconds} s deadline)`,
    table(['document', 'MB', 'outcome', 'wall s', 'CPU s', 'peak RSS MB', 'endpoints', 'cases'], d.rows.map((x) => [x.file, fmt(x.megabytes, 1), x.status, fmt(x.wallMs / 1000, 1), x.cpuMs === undefined ? '' : fmt(x.cpuMs / 1000, 1), x.rssMb === undefined ? '' : String(x.rssMb), x.endpoints === undefined ? '' : String(x.endpoints), x.cases === undefined ? '' : String(x.cases)])),
    '',
  ];
}

export function renderFigures(r: BenchResults): string {
  const m = r.machine;
  const goals = judgeGoals(r);
  return [
    `Measured ${r.startedAt} with \`${r.command}\` (${r.config.mode} mode, ${fmt(r.totalMs / 1000)} s) on ${m.cores} × ${m.model}, ${fmt(m.memoryGb)} GB, Node ${m.node}, ${m.os}; commit ${m.commit}${m.uncommitted ? ` with ${m.uncommitted} uncommitted files in src/ and fixtures/` : ''}.`,
    '',
    '### Goals',
    table(['goal', 'target', 'measured', 'met'], goals.map((g) => [g.goal, g.target, g.measured, g.met === undefined ? 'not measured' : g.met ? 'met' : '**not met**'])),
    '',
    ...generation(r),
    ...fuzz(r),
    ...load(r),
    ...scale(r),
    ...peer(r),
    ...cli(r),
    ...documents(r),
    `\`npm start\`: ${r.startup ? `${r.startup.wallMs.map((w) => fmt(w / 1000, 1)).join(', ')} s (median ${fmt(r.startup.median / 1000, 1)} s)` : 'not measured'}.`,
    ...(r.errors.length > 0 ? ['', '**Sections that failed:**', ...r.errors.map((e) => `- ${e.section}: ${e.message}`)] : []),
  ].join('\n');
}
