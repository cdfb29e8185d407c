/**
 * One document of the corpus measurement, in its own process (so a hang can be killed and the
 * peak RSS is this document's alone): `node --import tsx scripts/corpusChild.ts FILE`. Imports and
 * plans it as `harden plan` does and prints one JSON line; scripts/corpus.ts reads it.
 */
import { readFileSync } from 'node:fs';
import { planEndpoints } from '../src/cli/planEndpoints.ts';
import { planReport } from '../src/cli/planReport.ts';
import { HardenError } from '../src/errors.ts';
import { openManifest } from '../src/openapi/openManifest.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Operations the document declares, whatever the import made of them. */
function documentOperations(file: string): number {
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { paths?: Record<string, Record<string, unknown>> };
    return Object.values(doc.paths ?? {}).reduce((n, item) => n + Object.keys(item ?? {}).filter((k) => METHODS.includes(k)).length, 0);
  } catch {
    return 0;
  }
}

/** Whether any operation requires a scheme: its own non-empty `security`, else a non-empty document-level one. */
function requiresSecurity(file: string): boolean {
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { security?: unknown[]; paths?: Record<string, Record<string, { security?: unknown[] }>> };
    const needs = (s: unknown[] | undefined) => Array.isArray(s) && s.length > 0 && s.every((r) => Object.keys(r as object).length > 0);
    return Object.values(doc.paths ?? {}).some((item) => Object.entries(item ?? {}).some(([k, op]) => METHODS.includes(k) && needs(op?.security ?? doc.security)));
  } catch {
    return false;
  }
}

/** The cause a warning counts under: the construct for import warnings, the kind of bound for the planner's. */
function cause(warning: string): string {
  const construct = /^\[([^\]]+)\]/.exec(warning)?.[1];
  if (construct) return construct;
  if (warning.startsWith('planning budget')) return 'planning budget';
  if (warning.startsWith('body violations capped')) return 'violation cap';
  return 'other';
}

const file = process.argv[2]!;
const operations = documentOperations(file);
const started = performance.now();
try {
  const { manifest, warnings } = await openManifest(file);
  const importMs = performance.now() - started;
  const planned = planEndpoints(manifest, { seed: 0 });
  const report = planReport(file, manifest, planned, { seed: 0, runs: 50, suites: ['positive', 'revoked-token', 'unauthorized', 'malformed', 'rotation', 'exposure'] }, warnings);
  const causes: Record<string, number> = {};
  for (const e of report.endpoints) {
    for (const c of new Set([...e.warnings.map(cause), ...(e.unplanned === undefined ? [] : ['cannot plan'])])) causes[c] = (causes[c] ?? 0) + 1;
  }
  const clean = report.endpoints.filter((e) => e.warnings.length === 0 && e.unplanned === undefined).length;
  const allPublic = manifest.endpoints.every((e) => e.public);
  const declaresSecurity = requiresSecurity(file);
  const reasons = [...new Set(report.endpoints.flatMap((e) => (e.unplanned === undefined ? [] : [e.unplanned])))].slice(0, 3);
  emit({ status: 'ok', operations, endpoints: report.totals.endpoints, clean, unplanned: report.totals.unplanned, reasons, cases: report.totals.cases, causes, allPublic, declaresSecurity, scheme: manifest.auth.scheme, importMs, ms: performance.now() - started });
} catch (error) {
  const ms = performance.now() - started;
  if (error instanceof HardenError) emit({ status: 'refused', operations, message: [error.message, ...error.problems.map((p) => `${p.location.file ?? ''} ${p.location.pointer ?? ''}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`)].join(' | '), ms });
  else emit({ status: 'crash', operations, message: (error as Error).stack ?? String(error), ms });
}

function emit(result: Record<string, unknown>): void {
  const usage = process.resourceUsage();
  // CPU time as well as wall time: on a shared machine the wall clock measures the neighbours too.
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  process.stdout.write(`${JSON.stringify({ ...result, cpuMs, rssMb: Math.round(usage.maxRSS / 1024) })}\n`);
}
