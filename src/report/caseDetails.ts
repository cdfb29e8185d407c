import { FINDING_CODES, type FindingCode } from '../model/codes.ts';
import { checksObserving } from '../checks/index.ts';
import type { CaseResult } from '../run/caseResult.ts';
import type { EvidenceCase } from './evidence.ts';
import { evidenceCase } from './evidenceCase.ts';
import { formatExchange } from './formatExchange.ts';
import { curlCommand } from './replay.ts';

/**
 * Key facts of a case as `name: value` pairs, in a fixed order. JUnit puts them in <system-out>
 * because junit-10.xsd allows <properties> only on a testsuite.
 */
export function caseFacts(c: EvidenceCase, seed: number): [string, string][] {
  const observed = c.exchanges.map((e) => (e.response ? String(e.response.status) : `no response (${e.failure?.kind})`)).join(', ');
  const facts: [string, string][] = [
    ['case', c.id],
    ['seed', String(seed)],
    ['case-seed', String(c.caseSeed)],
    ['endpoint', c.endpoint.id],
    ['route', c.endpoint.route],
    ['suite', c.suite],
    ['verdict', c.verdict],
    ['expected', `${c.expected.statuses.length > 8 ? 'a documented status' : c.expected.statuses.join(' or ')} — ${c.expected.reason}`],
    ['observed', observed || 'nothing sent'],
  ];
  if (c.skipReason) facts.push(c.verdict === 'not-proven' ? ['not proven', c.skipReason.replace(/^not proven: /, '')] : ['skipped', c.skipReason]);
  if (c.generated) facts.push(['generated', c.generated]);
  if (c.note) facts.push(['note', c.note]);
  if (c.matrix) facts.push(['scope', `${c.matrix.scope} (documented ${c.matrix.expected})`]);
  if (c.property) {
    facts.push(['runs', String(c.property.runs)]);
    if (c.property.counterexample !== undefined) {
      facts.push(['counterexample', c.property.counterexample], ['shrinks', String(c.property.shrinks)], ['shrink-path', c.property.path ?? '']);
    }
  }
  const ran = checksRun(c);
  if (ran.length > 0) facts.push(['checks-run', ran.join(', ')]);
  if (c.findings.length > 0) facts.push(['checks', [...new Set(c.findings.map((f) => f.check))].join(', ')]);
  return facts;
}

/**
 * The checks a case was judged by, as the run judges (src/checks/runChecks.ts): every check of
 * exchanges on a case with an answer (a check that does not apply finds nothing), the checks of
 * listening sockets on the exposure suite, none on a case nothing answered (an error, a step that
 * sends no request).
 */
export function checksRun(c: Pick<EvidenceCase, 'suite' | 'exchanges' | 'verdict'>): string[] {
  if (c.verdict === 'skipped' || c.verdict === 'not-proven') return [];
  if (c.suite === 'exposure') return checksObserving('listeners').map((check) => check.id);
  return c.exchanges.some((e) => e.response !== undefined) ? checksObserving('exchanges').map((check) => check.id) : [];
}

/** One line: what went wrong first, and how many more things did. */
export function caseHeadline(c: Pick<EvidenceCase, 'failure' | 'findings' | 'skipReason'>): string {
  if (c.failure) return `no response: ${c.failure.kind} (${c.failure.code})`;
  if (c.skipReason) return (c.skipReason.startsWith('not proven: ') ? c.skipReason : `skipped: ${c.skipReason}`).replace(/\s+/g, ' ');
  const [first, ...rest] = c.findings;
  if (!first) return '';
  const line = `[${first.check}] ${first.title}: ${first.message}`.replace(/\s+/g, ' ');
  return rest.length > 0 ? `${line} (+${rest.length} more)` : line;
}

/** The full account of a failed or errored case: findings with remedies, replay, and the redacted exchanges. */
export function caseDetails(c: EvidenceCase): string {
  const lines: string[] = [];
  for (const f of c.findings) lines.push(`[${f.check}] ${f.code}: ${f.message}`, `    ${FINDING_CODES[f.code as FindingCode]?.remedy ?? ''}`);
  if (c.failure) lines.push(`no response: ${c.failure.kind} (${c.failure.code}) ${c.failure.message}`);
  if (c.property?.counterexample !== undefined) {
    lines.push('', `smallest failing input (after ${c.property.shrinks} shrinks): ${c.property.counterexample}`);
  }
  lines.push('', `replay: ${c.replay}`);
  const first = c.exchanges[0];
  if (first) lines.push(`curl:   ${curlCommand({ ...first.request, body: first.request.body?.text })}`);
  for (const [i, exchange] of c.exchanges.entries()) {
    lines.push('', c.exchanges.length > 1 ? `--- exchange ${i + 1} of ${c.exchanges.length}` : '--- exchange', formatExchange(exchange));
  }
  return lines.join('\n');
}

/** failureHeadline for a live result (console output). */
export function failureHeadline(result: Readonly<CaseResult>): string {
  return caseHeadline({ failure: result.failure, findings: result.findings.map((f) => ({ code: f.code, check: f.checkId, severity: '', title: FINDING_CODES[f.code].title, message: f.message })) });
}

/** caseDetails for a live result (the vitest front's failure messages). */
export function failureDetails(result: CaseResult, manifestFile: string, seed: number, baseUrl: string): string {
  return caseDetails(evidenceCase(result, 0, { manifestFile, seed, baseUrl }));
}
