import type { Evidence } from '../evidence.ts';
import { dataAttributes, h } from './escape.ts';

/** Every case in plan order, one row each, so an auditor can find any case (filtered by suite like the rest). */
export function htmlCaseTable(evidence: Evidence, write: (chunk: string) => void): void {
  write('<table id="all-cases"><thead><tr><th>case</th><th>suite</th><th>verdict</th><th>status</th><th>ms</th></tr></thead><tbody>');
  for (const c of evidence.cases.read()) {
    write(
      `<tr class="case-row"${dataAttributes({ suite: c.suite, verdict: c.verdict, case: c.id })}><td>${h(c.title)}</td><td>${h(c.suite)}</td><td class="verdict">${h(c.verdict)}</td><td>${h(c.status ?? '–')}</td><td>${h(c.durationMs.toFixed(1))}</td></tr>`,
    );
  }
  write('</tbody></table>');
}
