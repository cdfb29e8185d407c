import type { Evidence } from '../evidence.ts';
import { dataAttributes, html } from './escape.ts';

/** Every case in plan order, one row each, so an auditor can find any case (filtered by suite like the rest). */
export function htmlCaseTable(evidence: Evidence, write: (chunk: string) => void): void {
  write('<table id="all-cases"><thead><tr><th>case</th><th>suite</th><th>verdict</th><th>status</th><th>ms</th></tr></thead><tbody>');
  for (const c of evidence.cases.read()) {
    write(
      html`<tr class="case-row"${dataAttributes({ suite: c.suite, verdict: c.verdict, case: c.id })}><td>${c.title}</td><td>${c.suite}</td><td class="verdict">${c.verdict}</td><td>${c.status ?? '–'}</td><td>${c.durationMs.toFixed(1)}</td></tr>`.toString(),
    );
  }
  write('</tbody></table>');
}
