import { SUITES, type SuiteId } from '../plan/case.ts';
import type { EvidenceDocument } from '../report/evidence.ts';
import { mdTable } from '../report/markdown.ts';

/** The suites whose cases send credentials that must be refused: their pass rate is the rejection rate. */
const REJECTION_SUITES = ['unauthorized', 'revoked-token'] as const;

export type Direction = 'first' | 'improved' | 'regressed' | 'unchanged';

export interface TrendRun {
  file: string;
  service: string;
  startedAt: string;
  seed: number;
  rejection: { passed: number; total: number; rate: number | null };
  findings: Record<SuiteId, number>;
  totalFindings: number;
  direction: Direction;
}

function rejection(e: EvidenceDocument): TrendRun['rejection'] {
  const passed = REJECTION_SUITES.reduce((n, s) => n + (e.suites[s]?.passed ?? 0), 0);
  const total = REJECTION_SUITES.reduce((n, s) => n + (e.suites[s]?.tests ?? 0), 0);
  return { passed, total, rate: total === 0 ? null : Math.round((passed / total) * 10_000) / 100 };
}

/** Rate first (a refusal that stopped holding matters most), then the number of findings. */
function direction(run: Omit<TrendRun, 'direction'>, before: Omit<TrendRun, 'direction'> | undefined): Direction {
  if (!before) return 'first';
  const [now, then] = [run.rejection.rate ?? 100, before.rejection.rate ?? 100];
  if (now !== then) return now > then ? 'improved' : 'regressed';
  if (run.totalFindings !== before.totalFindings) return run.totalFindings < before.totalFindings ? 'improved' : 'regressed';
  return 'unchanged';
}

/** One row per run, oldest first (by start time, whatever order the files were named in). */
export function trendRuns(inputs: { file: string; evidence: EvidenceDocument }[]): TrendRun[] {
  const sorted = [...inputs].sort((a, b) => Date.parse(a.evidence.run.startedAt) - Date.parse(b.evidence.run.startedAt));
  const rows = sorted.map(({ file, evidence: e }) => {
    const findings = Object.fromEntries(SUITES.map((s) => [s, 0])) as Record<SuiteId, number>;
    for (const c of e.cases) findings[c.suite] += c.findings.length;
    return { file, service: e.run.service, startedAt: e.run.startedAt, seed: e.run.seed, rejection: rejection(e), findings, totalFindings: Object.values(findings).reduce((a, b) => a + b, 0) };
  });
  return rows.map((row, i) => ({ ...row, direction: direction(row, rows[i - 1]) }));
}

const ARROW: Record<Direction, string> = { first: '—', improved: '↑ improved', regressed: '↓ regressed', unchanged: '= unchanged' };
const rate = (r: TrendRun['rejection']) => (r.rate === null ? 'n/a' : `${r.rate}% (${r.passed}/${r.total})`);
const perSuite = (f: Record<SuiteId, number>) => SUITES.map((s) => `${s} ${f[s]}`).join(', ');

function cells(runs: TrendRun[]): (string | number)[][] {
  return runs.map((r) => [r.startedAt, r.seed, rate(r.rejection), ...SUITES.map((s) => r.findings[s]), ARROW[r.direction]]);
}

const HEADER = ['date', 'seed', 'unauthorized rejected', ...SUITES.map((s) => `findings: ${s}`), 'vs previous'];

export function trendMarkdown(runs: TrendRun[]): string {
  return `${['## Trend', '', ...mdTable(HEADER, cells(runs))].join('\n')}\n`;
}

export function trendText(runs: TrendRun[]): string[] {
  return runs.map((r) => `${r.startedAt}  seed ${String(r.seed).padEnd(10)}  rejected ${rate(r.rejection).padEnd(16)}  findings ${perSuite(r.findings)}  ${ARROW[r.direction]}`);
}

export function trendJson(runs: TrendRun[]): string {
  return `${JSON.stringify({ kind: 'trend', runs }, null, 2)}\n`;
}
