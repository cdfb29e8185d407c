import { caseHeadline } from '../caseDetails.ts';
import { NOT_HELD } from '../caseSource.ts';
import type { Evidence, EvidenceCase } from '../evidence.ts';
import { formatExchange } from '../formatExchange.ts';
import { groupFindings } from '../groupFindings.ts';
import { dataAttributes, html, type Html } from './escape.ts';

function caseBlock(c: EvidenceCase): Html {
  const findings = c.findings.map((f) => html`<li><code>${f.check}</code> <strong>${f.code}</strong> (${f.severity}): ${f.message}</li>`);
  if (c.failure) findings.push(html`<li><strong>no response</strong>: ${c.failure.kind} (${c.failure.code}) ${c.failure.message}</li>`);
  const counterexample = c.property?.counterexample === undefined ? '' : html`<p>smallest failing input (after ${c.property.shrinks} shrinks): <code>${c.property.counterexample}</code></p>`;
  const exchanges = c.exchanges.map((e, i) => html`\n<pre class="exchange"${dataAttributes({ exchange: i + 1 })}>${formatExchange(e)}</pre>`);
  return html`<details class="case"${dataAttributes({ suite: c.suite, verdict: c.verdict, case: c.id })}>
<summary><strong>${c.title}</strong> — ${caseHeadline(c)}</summary>
<ul class="findings">${findings}</ul>
<p>expected ${c.expected.statuses.length > 8 ? 'a documented status' : c.expected.statuses.join(' or ')} — ${c.expected.reason}; observed ${c.status ?? 'no response'}</p>
${counterexample}
<p>replay: <code>${c.replay}</code></p>${exchanges}
</details>`;
}

/**
 * Cases that did not hold, grouped by endpoint, each with its findings, replay line and redacted
 * exchanges. Grouping holds the cases that did not hold (not the ones that did) in memory.
 */
export function htmlFindings(evidence: Evidence): Html {
  const groups = groupFindings(evidence.cases.read({ verdicts: NOT_HELD }));
  if (groups.length === 0) return html`<p class="held">Every case held.</p>`;
  return html`${groups.map((g, i) => {
    const checks = g.checks.map((c, j) => html`${j > 0 ? ', ' : ''}<code>${c.check}</code> ×${c.items.length}`);
    const cases = g.cases.map((c, j) => html`${j > 0 ? '\n' : ''}${caseBlock(c)}`);
    return html`${i > 0 ? '\n' : ''}<article class="endpoint"${dataAttributes({ 'endpoint-group': g.endpointId })}><h3>${g.route} <span class="count">(${g.endpointId}; ${checks})</span></h3>\n${cases}</article>`;
  })}`;
}
