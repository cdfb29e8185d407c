import type { Judged } from './approvals.ts';
import { SEVERITY_ORDER, WHOLE_MANIFEST, type Change } from './kinds.ts';

export const FORMATS = ['console', 'markdown', 'json'] as const;
export type DiffFormat = (typeof FORMATS)[number];

export interface DiffReport extends Judged {
  old: string;
  new: string;
}

/** Most severe first, then by endpoint and kind, so the same change always prints in the same place. */
export function ordered(changes: readonly Change[]): Change[] {
  const rank = (c: Change) => SEVERITY_ORDER.indexOf(c.severity);
  return [...changes].sort((a, b) => rank(a) - rank(b) || a.endpoint.localeCompare(b.endpoint) || a.kind.localeCompare(b.kind));
}

const where = (c: Change) => (c.endpoint === WHOLE_MANIFEST ? '(whole manifest)' : `${c.endpoint}${c.route ? ` (${c.route})` : ''}`);
const status = (c: Change) => (c.approved !== undefined ? `approved: ${c.approved}` : c.loosening ? 'NOT APPROVED' : '');
const approvalHint = (c: Change) => `{ endpoint: ${c.endpoint === WHOLE_MANIFEST ? '"*"' : c.endpoint}, change: ${c.kind}, reason: "…" }`;

function consoleText(r: DiffReport): string[] {
  const lines = [`harden diff: ${r.old} → ${r.new}: ${r.changes.length === 0 ? 'no changes to the security contract' : `${r.changes.length} change${r.changes.length === 1 ? '' : 's'}`}`];
  for (const c of ordered(r.changes)) {
    lines.push(`  ${c.severity.toUpperCase().padEnd(6)} ${c.kind}  ${where(c)}${status(c) ? `  [${status(c)}]` : ''}`);
    for (const d of c.details) lines.push(`           ${d}`);
  }
  for (const a of r.unused) lines.push(`  note: approval { endpoint: ${a.endpoint}, change: ${a.change} } matches no change; remove it`);
  if (r.unapproved.length > 0) {
    lines.push(`${r.unapproved.length} loosening${r.unapproved.length === 1 ? '' : 's'} not approved; if intended, add to the new manifest's approved: list:`);
    for (const c of ordered(r.unapproved)) lines.push(`  - ${approvalHint(c)}`);
  }
  return lines;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** GitHub-flavoured Markdown for a pull-request comment. */
function markdown(r: DiffReport): string[] {
  const lines = [`### Security contract: ${r.changes.length === 0 ? 'no changes' : `${r.changes.length} change${r.changes.length === 1 ? '' : 's'}`}`, ''];
  if (r.unapproved.length > 0) lines.push(`**${r.unapproved.length} loosening${r.unapproved.length === 1 ? '' : 's'} not approved** — approve in the manifest's \`approved:\` list or revert.`, '');
  if (r.changes.length > 0) {
    lines.push('| severity | endpoint | change | details | approval |', '|---|---|---|---|---|');
    for (const c of ordered(r.changes)) lines.push(`| ${c.severity} | ${cell(where(c))} | \`${c.kind}\` | ${cell(c.details.join('; '))} | ${cell(status(c))} |`);
  }
  for (const a of r.unused) lines.push('', `Approval for \`${a.endpoint}\` / \`${a.change}\` matches no change.`);
  return lines;
}

/** The report as lines of text in the chosen format; JSON is one document (stable field order). */
export function formatDiff(report: DiffReport, format: DiffFormat): string[] {
  if (format === 'json') {
    const { old, new: next, unapproved, unused } = report;
    return [JSON.stringify({ old, new: next, changes: ordered(report.changes), unapproved: unapproved.length, unusedApprovals: unused }, null, 2)];
  }
  return format === 'markdown' ? markdown(report) : consoleText(report);
}
