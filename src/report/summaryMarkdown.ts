import { SUITES } from '../plan/case.ts';
import { challengeText } from './challengeError.ts';
import { NOT_HELD } from './caseSource.ts';
import type { Evidence, EvidenceProbe } from './evidence.ts';
import { groupFindings } from './groupFindings.ts';
import { mdCell, mdCode, mdTable } from './markdown.ts';
import { markdownMatrix } from './markdownMatrix.ts';
import { revokedProof } from './revokedProof.ts';
import { gateVerdict } from '../run/gate.ts';
import { gateFacts } from './gateFacts.ts';
import { headlineText } from './headline.ts';
import { plural } from './plural.ts';

const held = (ok: boolean) => (ok ? '✓ held' : '**✗ did not hold**');

/**
 * Rows of a per-case list the summary shows before pointing to the full reports. The summary is
 * what people read first and what GitHub's job summary (capped at 1 MiB) receives; report.html
 * and junit.xml list every case.
 */
export const SUMMARY_ROWS = 100;

/** The first `limit` items, and how many there were in all. */
function firstOf<T>(items: Iterable<T>, limit: number): { shown: T[]; total: number } {
  const shown: T[] = [];
  let total = 0;
  for (const item of items) if (total++ < limit) shown.push(item);
  return { shown, total };
}

/** "… and 3 more revoked-token cases: …", the noun in the number of what was left out. */
const more = (total: number, shown: number, one: string, many: string) => (total > shown ? ['', `… and ${plural(total - shown, `more ${one}`, `more ${many}`)}: see report.html or junit.xml.`] : []);

function header(e: Evidence): string[] {
  const facts = gateFacts(e);
  const verdict = headlineText(gateVerdict(facts).headline, e.totals, { ...facts, incomplete: e.run.incomplete }).replace(': ', ' — ');
  const shard = e.run.shard ? ` · shard ${e.run.shard.index}/${e.run.shard.count}` : e.run.shards ? ` · merged from ${e.run.shards.length} shards` : '';
  return [
    `## ${mdCell(e.run.service)}: ${verdict}`,
    '',
    `seed ${mdCode(String(e.run.seed))} · manifest ${mdCode(e.manifest.path)} (sha256 ${mdCode(e.manifest.sha256.slice(0, 12))}) · ${e.environment.baseUrl} · ${e.tool.name} ${e.tool.version}${shard} · ${e.run.startedAt} (${(e.run.durationMs / 1000).toFixed(1)} s)`,
  ];
}

function counts(e: Evidence): string[] {
  const row = (name: string, c: Evidence['totals']) => [name, c.tests, c.passed, c.failed, c.errors, c.skipped, c.notProven];
  const rows = SUITES.filter((s) => e.suites[s].tests > 0).map((s) => row(s, e.suites[s]));
  return ['### Cases per suite', '', ...mdTable(['suite', 'tests', 'passed', 'failed', 'errors', 'skipped', 'not proven'], [...rows, row('**total**', e.totals)]), ...notProven(e)];
}

/** One line per suite that could not be put to the test, with the reason: never a silent absence. */
function notProven(e: Evidence): string[] {
  const reasons = new Map<string, { count: number; reason: string }>();
  for (const c of e.cases.read({ verdicts: ['not-proven'] })) {
    const seen = reasons.get(c.suite) ?? { count: 0, reason: (c.skipReason ?? '').replace(/^not proven: /, '') };
    reasons.set(c.suite, { ...seen, count: seen.count + 1 });
  }
  const required = new Set(e.run.require ?? []);
  return [...reasons].flatMap(([suite, { count, reason }]) => ['', `**Not proven: ${suite}** (${plural(count, 'case')}): ${mdCell(reason)}. ${required.has(suite) ? 'Required by this run: the gate fails.' : `Not required: \`--require ${suite}\` makes it fail the gate.`}`]);
}

function revoked(e: Evidence): string[] {
  const { shown, total } = firstOf(e.cases.read({ suite: 'revoked-token' }), SUMMARY_ROWS);
  if (total === 0) return [];
  const rows = shown.map(revokedProof);
  return ['### Revoked tokens', '', ...mdTable(['endpoint', 'route', 'case', 'status', 'challenge error', 'verdict'], rows.map((r) => [r.endpointId, r.route, r.variant, r.status ?? 'no response', challengeText(r.status, r.challengeError), r.verdict === 'not-proven' ? 'not proven' : held(r.verdict === 'passed')])), ...more(total, shown.length, 'revoked-token case', 'revoked-token cases')];
}


const probeRows = (phase: string, probes: EvidenceProbe[]) => probes.map((p) => [phase, p.route, p.status ?? 'no response', challengeText(p.status, p.challengeError), held(p.held)]);

function rotation(e: Evidence): string[] {
  const r = e.rotation;
  if (!r) return [];
  return [
    `### Token rotation drill: ${held(r.held)}`,
    '',
    `${r.newToken} issued ${r.issuedAt}, replacing ${r.oldToken}; the old token revoked ${r.revokedAt}.`,
    '',
    ...mdTable(['phase', 'route', 'status', 'challenge error', 'verdict'], [...probeRows('new token accepted', r.validated), ...probeRows('old token refused', r.rejected), ...probeRows('new token still accepted', r.stillAccepted)]),
  ];
}

function drift(e: Evidence): string[] {
  if (!e.baseline) return [];
  const items = e.baseline.drift;
  if (items.length === 0) return ['### Baseline', '', `No change from the approved baseline ${mdCode(e.baseline.file)}.`];
  return ['### Baseline drift', '', `${plural(items.length, 'change')} from the approved baseline ${mdCode(e.baseline.file)}:`, '', ...items.map((d) => `- **${d.kind}** ${mdCode(d.title)}: ${mdCell(d.message)}`)];
}

function findings(e: Evidence): string[] {
  const { shown, total } = firstOf(e.cases.read({ verdicts: NOT_HELD }), SUMMARY_ROWS);
  const groups = groupFindings(shown);
  if (groups.length === 0) return [];
  const lines = ['### Findings'];
  for (const g of groups) {
    lines.push('', `#### ${mdCell(g.route)} (${g.endpointId})`);
    for (const byCheck of g.checks) {
      lines.push('', `**${byCheck.check}**`, '');
      for (const { case: c, finding } of byCheck.items) {
        const what = finding ? `${finding.code}: ${finding.message}` : `no response: ${c.failure?.kind ?? 'error'} (${c.failure?.code ?? ''})`;
        lines.push(`- ${mdCode(c.title)} — ${mdCell(what)}`, `  replay: ${mdCode(c.replay)}`);
      }
    }
  }
  return [...lines, ...more(total, shown.length, 'case that did not hold', 'cases that did not hold')];
}

/** reports/summary.md, also appended to GitHub's job summary: what an auditor reads first. */
export function summaryMarkdown(e: Evidence): string {
  const matrix = markdownMatrix(e.scopeMatrix);
  const sections = [
    header(e),
    counts(e),
    matrix.length > 0 ? ['### Scope matrix (observed vs documented)', '', ...matrix] : [],
    revoked(e),
    rotation(e),
    drift(e),
    findings(e),
    e.warnings.length > 0 ? ['### Warnings', '', ...e.warnings.map((w) => `- ${mdCell(w)}`)] : [],
  ];
  return `${sections.filter((s) => s.length > 0).map((s) => s.join('\n')).join('\n\n')}\n`;
}
