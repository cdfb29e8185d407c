import { caseHeadline } from '../caseDetails.ts';
import { NOT_HELD } from '../caseSource.ts';
import type { Evidence, EvidenceCase } from '../evidence.ts';
import { formatExchange } from '../formatExchange.ts';
import { groupFindings } from '../groupFindings.ts';
import { dataAttributes, h } from './escape.ts';

function caseBlock(c: EvidenceCase): string {
  const findings = c.findings.map((f) => `<li><code>${h(f.check)}</code> <strong>${h(f.code)}</strong> (${h(f.severity)}): ${h(f.message)}</li>`);
  if (c.failure) findings.push(`<li><strong>no response</strong>: ${h(c.failure.kind)} (${h(c.failure.code)}) ${h(c.failure.message)}</li>`);
  const counterexample = c.property?.counterexample === undefined ? '' : `<p>smallest failing input (after ${c.property.shrinks} shrinks): <code>${h(c.property.counterexample)}</code></p>`;
  const exchanges = c.exchanges.map((e, i) => `<pre class="exchange"${dataAttributes({ exchange: i + 1 })}>${h(formatExchange(e))}</pre>`);
  return [
    `<details class="case"${dataAttributes({ suite: c.suite, verdict: c.verdict, case: c.id })}>`,
    `<summary><strong>${h(c.title)}</strong> — ${h(caseHeadline(c))}</summary>`,
    `<ul class="findings">${findings.join('')}</ul>`,
    `<p>expected ${h(c.expected.statuses.length > 8 ? 'a documented status' : c.expected.statuses.join(' or '))} — ${h(c.expected.reason)}; observed ${h(c.status ?? 'no response')}</p>`,
    counterexample,
    `<p>replay: <code>${h(c.replay)}</code></p>`,
    ...exchanges,
    '</details>',
  ].join('\n');
}

/**
 * Cases that did not hold, grouped by endpoint, each with its findings, replay line and redacted
 * exchanges. Grouping holds the cases that did not hold (not the ones that did) in memory.
 */
export function htmlFindings(evidence: Evidence): string {
  const groups = groupFindings(evidence.cases.read({ verdicts: NOT_HELD }));
  if (groups.length === 0) return '<p class="held">Every case held.</p>';
  return groups
    .map((g) => {
      const checks = g.checks.map((c) => `<code>${h(c.check)}</code> ×${c.items.length}`).join(', ');
      return `<article class="endpoint"${dataAttributes({ 'endpoint-group': g.endpointId })}><h3>${h(g.route)} <span class="count">(${h(g.endpointId)}; ${checks})</span></h3>\n${g.cases.map(caseBlock).join('\n')}</article>`;
    })
    .join('\n');
}
