import { FINDING_CODES } from '../checks/codes.ts';
import type { CaseResult } from '../run/caseResult.ts';
import { formatExchange } from './formatExchange.ts';
import { curlCommand, replayCommand } from './replay.ts';

/** Key facts of a case, in a fixed order, for JUnit output and evidence. */
export function caseProperties(result: CaseResult, seed: number): [string, string][] {
  const c = result.case;
  const observed = result.exchanges.map((e) => (e.response ? String(e.response.status) : `no response (${e.failure?.kind})`)).join(', ');
  const props: [string, string][] = [
    ['case', c.id],
    ['seed', String(seed)],
    ['case-seed', String(c.seed)],
    ['endpoint', c.endpointId],
    ['suite', c.suite],
    ['expected', `${c.expect.statuses.length > 8 ? 'a documented status' : c.expect.statuses.join(' or ')} — ${c.expect.reason}`],
    ['observed', observed],
  ];
  if (c.generated) props.push(['generated', c.generated]);
  if (result.property) {
    props.push(['runs', String(result.property.runs)]);
    if (result.property.counterexample !== undefined) {
      props.push(['counterexample', result.property.counterexample], ['shrinks', String(result.property.shrinks)], ['shrink-path', result.property.path ?? '']);
    }
  }
  if (result.findings.length > 0) props.push(['checks', [...new Set(result.findings.map((f) => f.checkId))].join(', ')]);
  return props;
}

/** One line: what went wrong first, and how many more things did. */
export function failureHeadline(result: CaseResult): string {
  if (result.failure) return `no response: ${result.failure.kind} (${result.failure.code})`;
  const [first, ...rest] = result.findings;
  if (!first) return '';
  const line = `[${first.checkId}] ${FINDING_CODES[first.code].title}: ${first.message}`.replace(/\s+/g, ' ');
  return rest.length > 0 ? `${line} (+${rest.length} more)` : line;
}

/** The full account of a failed or errored case: findings, replay, and the redacted exchanges. */
export function failureDetails(result: CaseResult, manifestFile: string, seed: number, baseUrl: string): string {
  const lines: string[] = [];
  for (const f of result.findings) {
    lines.push(`[${f.checkId}] ${f.code}: ${f.message}`, `    ${FINDING_CODES[f.code].remedy}`);
  }
  if (result.failure) lines.push(`no response: ${result.failure.kind} (${result.failure.code}) ${result.failure.message}`);
  if (result.property?.counterexample !== undefined) {
    lines.push('', `smallest failing input (after ${result.property.shrinks} shrinks): ${result.property.counterexample}`);
  }
  lines.push('', `replay: ${replayCommand(result.case, manifestFile, seed, baseUrl, result.property?.path)}`);
  if (result.exchanges[0]) lines.push(`curl:   ${curlCommand(result.exchanges[0])}`);
  for (const [i, exchange] of result.exchanges.entries()) {
    lines.push('', result.exchanges.length > 1 ? `--- exchange ${i + 1} of ${result.exchanges.length}` : '--- exchange', formatExchange(exchange));
  }
  return lines.join('\n');
}
