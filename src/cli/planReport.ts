import type { Manifest } from '../manifest/types.ts';
import type { SuiteId } from '../plan/case.ts';
import type { ImportWarning } from '../openapi/importOpenApi.ts';
import { formatImportWarning } from './formatImportWarning.ts';
import { routeLabel } from '../manifest/routeKey.ts';
import { splitFixedParameters } from '../openapi/discriminators.ts';
import type { Endpoint } from '../manifest/types.ts';
import type { PlanByEndpoint } from './planEndpoints.ts';

/** One endpoint in `harden plan --format json` (docs/openapi.md, "harden plan"). */
export interface PlannedEndpoint {
  id: string;
  method: string;
  path: string;
  /** `POST / [header x-amz-target=Svc.Op]`: method and path, with any value that tells the operation apart. */
  route: string;
  /** Cases per suite, every chosen suite present (0 when the suite plans nothing here). */
  cases: Partial<Record<SuiteId, number>>;
  total: number;
  /** Import warnings naming this operation: what may make its cases wrong (refused for what was not sent, or expecting what the document does not promise). */
  warnings: string[];
  /** What narrows only what is checked: import notes (a `default` response, an optional parameter not sent), then the planner's (violations capped, budget reached). */
  notes: string[];
  /** Why no case could be planned. */
  unplanned?: string;
  /** The endpoint needs no credential (so no access-control case is planned for it). */
  public?: true;
}

/** What `harden plan --format json` prints: stable keys, endpoints in manifest order. */
export interface PlanReport {
  plan: 1;
  source: string;
  service: string;
  /** How the credential is presented (`auth.scheme`): bearer, apiKey or basic. */
  scheme: string;
  seed: number;
  runs: number;
  suites: SuiteId[];
  /** withWarnings: endpoints with a warning or that cannot be planned; the rest are planned cleanly (withNotes of them with notes). */
  totals: { endpoints: number; planned: number; unplanned: number; withWarnings: number; withNotes: number; cases: number };
  endpoints: PlannedEndpoint[];
  /** Cases that belong to no endpoint: the rotation drill's token actions, the listener check. */
  serviceCases: Partial<Record<SuiteId, number>>;
  /** Every import warning, document-wide ones included (an empty list for a manifest). */
  importWarnings: ImportWarning[];
}

/** Counts per suite, every chosen suite present, in the order the suites were chosen. */
function perSuite(suites: SuiteId[], counts: Partial<Record<SuiteId, number>>): Partial<Record<SuiteId, number>> {
  return Object.fromEntries(suites.map((s) => [s, counts[s] ?? 0]));
}

const sum = (counts: Partial<Record<SuiteId, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** The plan, summarised per endpoint. Pure: the same plan gives the same report. */
export function planReport(source: string, manifest: Manifest, planned: PlanByEndpoint, settings: { seed: number; runs: number; suites: SuiteId[] }, warnings: ImportWarning[]): PlanReport {
  const named = namedOperations(warnings);
  // One string per warning text: Graph beta's 101,934 warnings, written out per endpoint, were 25 MB of copies of 13 texts.
  const texts = new Map<string, string>();
  const text = (w: ImportWarning) => {
    const key = `${w.construct}\u0000${w.message}`;
    let kept = texts.get(key);
    if (kept === undefined) texts.set(key, (kept = `[${w.construct}] ${w.message}`));
    return kept;
  };
  const endpoints = planned.endpoints.map(({ endpoint, counts, notes, unplanned }): PlannedEndpoint => {
    const own = named(endpoint);
    return {
      id: endpoint.id,
      method: endpoint.method,
      path: endpoint.path,
      route: routeLabel(endpoint),
      cases: perSuite(settings.suites, counts),
      total: sum(counts),
      warnings: own.filter((w) => w.affects !== 'coverage').map(text),
      notes: [...own.filter((w) => w.affects === 'coverage').map(text), ...notes],
      ...(unplanned !== undefined && { unplanned }),
      ...(endpoint.public && { public: true as const }),
    };
  });
  const unplanned = endpoints.filter((e) => e.unplanned !== undefined).length;
  const serviceCases = sum(planned.service.counts);
  return {
    plan: 1,
    source,
    service: manifest.service,
    scheme: manifest.auth.scheme,
    seed: settings.seed,
    runs: settings.runs,
    suites: settings.suites,
    totals: {
      endpoints: endpoints.length,
      planned: endpoints.length - unplanned,
      unplanned,
      withWarnings: endpoints.filter((e) => e.warnings.length > 0 || e.unplanned !== undefined).length,
      withNotes: endpoints.filter((e) => e.warnings.length === 0 && e.unplanned === undefined && e.notes.length > 0).length,
      cases: endpoints.reduce((n, e) => n + e.total, 0) + serviceCases,
    },
    endpoints,
    serviceCases: perSuite(settings.suites, planned.service.counts),
    importWarnings: warnings,
  };
}

/** The report as a table a person reads: a row per endpoint, its warnings and any reason it has no cases under it. */
export function planTable(report: PlanReport): string[] {
  const head = ['endpoint', ...report.suites, 'total'];
  const rows = report.endpoints.map((e) => [e.route, ...report.suites.map((s) => String(e.cases[s] ?? 0)), String(e.total)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const lines = [`${report.source}: ${report.service}, ${report.totals.endpoints} endpoints, ${report.totals.cases} cases (seed ${report.seed}, ${report.runs} runs per property case)`, line(head)];
  report.endpoints.forEach((e, i) => {
    lines.push(line(rows[i]!));
    if (e.unplanned !== undefined) lines.push(`    cannot plan: ${e.unplanned}`);
    for (const w of e.warnings) lines.push(`    warning: ${w}`);
    for (const n of e.notes) lines.push(`    note: ${n}`);
  });
  const service = report.suites.filter((s) => (report.serviceCases[s] ?? 0) > 0).map((s) => `${s} ${report.serviceCases[s]}`);
  if (service.length > 0) lines.push(`service-wide cases: ${service.join(', ')}`);
  const { planned, unplanned, withWarnings, withNotes, endpoints } = report.totals;
  lines.push(`planned ${planned} of ${endpoints} endpoints${unplanned > 0 ? ` (${unplanned} cannot be planned)` : ''}; ${endpoints - withWarnings} planned without a warning${withNotes > 0 ? ` (${withNotes} of them with notes on what is not checked)` : ''}`);
  return lines;
}

/**
 * The import warnings naming an endpoint: an operation (`METHOD path` as the document writes it) is
 * this endpoint when the method and path are the same, or, for `/#X-Amz-Target=…` and `/?Action=…`
 * paths, the same fixed values. Each operation is read once: AWS EC2 has 1,188 operations on one
 * path and as many warnings, which matched each against each took seconds.
 */
function namedOperations(warnings: ImportWarning[]): (endpoint: Pick<Endpoint, 'method' | 'path' | 'query' | 'headers'>) => ImportWarning[] {
  const read = new Map<string, Array<{ warning: ImportWarning; fixed?: Array<{ name: string; value: string }> }>>();
  for (const warning of warnings) {
    if (warning.operation === undefined) continue;
    const space = warning.operation.indexOf(' ');
    const [method, written] = [warning.operation.slice(0, space), warning.operation.slice(space + 1)];
    const split = splitFixedParameters(written);
    const key = `${method} ${split?.path ?? written}`;
    // a bare name fixes no value: the path before it tells the endpoint apart
    const entry = { warning, ...(split && { fixed: split.fixed.flatMap((f) => (f.value === undefined ? [] : [{ name: f.name.toLowerCase(), value: f.value }])) }) };
    const list = read.get(key);
    if (list) list.push(entry);
    else read.set(key, [entry]);
  }
  return (endpoint) => {
    const candidates = read.get(`${endpoint.method} ${endpoint.path}`);
    if (!candidates) return [];
    const plain = routeLabel(endpoint) === `${endpoint.method} ${endpoint.path}`;
    const constant = (params: Endpoint['query'] | undefined) => Object.entries(params ?? {}).map(([n, p]): [string, unknown] => [n.toLowerCase(), typeof p.schema === 'object' ? p.schema.const : undefined]);
    const values = new Map<string, unknown>([...constant(endpoint.query), ...constant(endpoint.headers)]);
    return candidates.filter(({ fixed }) => (fixed ? fixed.every((f) => values.get(f.name) === f.value) : plain)).map(({ warning }) => warning);
  };
}

/** Document-wide import warnings (those naming no endpoint of the plan), as the import prints them. */
export function otherWarnings(report: PlanReport, manifest: Manifest): string[] {
  const named = namedOperations(report.importWarnings);
  const toEndpoints = new Set(manifest.endpoints.flatMap((e) => named(e)));
  return report.importWarnings.filter((w) => !toEndpoints.has(w)).map(formatImportWarning);
}
