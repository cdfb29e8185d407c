import { SUITES } from '../plan/case.ts';
import type { Evidence } from './evidence.ts';
import { gateVerdict } from '../run/gate.ts';
import { gateFacts } from './gateFacts.ts';
import { STYLE, SCRIPT } from './html/assets.ts';
import { dataAttributes, html, raw } from './html/escape.ts';
import { htmlCaseTable } from './html/htmlCaseTable.ts';
import { htmlFindings } from './html/htmlFindings.ts';
import { htmlMatrix } from './html/htmlMatrix.ts';
import { htmlDrift, htmlRevoked, htmlRotation } from './html/htmlProofs.ts';

/** Nothing may be fetched: the report is evidence and must read the same offline, years later. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function counts(e: Evidence) {
  const row = (name: string, c: Evidence['totals'], suite?: string) => html`<tr${dataAttributes({ 'suite-row': suite })}><td>${name}</td><td>${c.tests}</td><td>${c.passed}</td><td>${c.failed}</td><td>${c.errors}</td><td>${c.skipped}</td><td>${c.notProven}</td></tr>`;
  const rows = SUITES.filter((s) => e.suites[s].tests > 0).map((s) => row(s, e.suites[s], s));
  return html`<table id="counts"><thead><tr><th>suite</th><th>tests</th><th>passed</th><th>failed</th><th>errors</th><th>skipped</th><th>not proven</th></tr></thead><tbody>${rows}${row('total', e.totals)}</tbody></table>`;
}

function filters(e: Evidence) {
  const boxes = SUITES.filter((s) => e.suites[s].tests > 0).map((s, i) => html`${i > 0 ? ' ' : ''}<label><input type="checkbox" checked${dataAttributes({ 'suite-filter': s })}> ${s} <span class="count">${e.suites[s].tests}</span></label>`);
  return html`<nav id="filters" aria-label="Filter by suite"><strong>Suites:</strong> ${boxes} <label><input type="checkbox" id="only-failing"> only cases that did not hold</label></nav>`;
}

/** reports/report.html: one self-contained page (inline style and script, no fetches) for people, written section by section. */
export function writeHtmlReport(e: Evidence, write: (chunk: string) => void): void {
  const headline = gateVerdict(gateFacts(e)).headline;
  const verdictClass = headline === 'PASS' ? 'pass' : 'fail';
  const shard = e.run.shard ? ` · shard ${e.run.shard.index}/${e.run.shard.count}` : e.run.shards ? ` · merged from ${e.run.shards.length} shards` : '';
  write(html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${raw(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e.run.service} — ${headline} — ${e.tool.name} report</title>
<style>${raw(STYLE)}</style>
</head>
<body${dataAttributes({ verdict: headline.toLowerCase(), seed: e.run.seed })}>
<header>
<h1>${e.run.service} <span class="badge ${verdictClass}">${headline}</span></h1>${e.run.incomplete ? html`\n<p class="meta">${e.run.incomplete}: this report is partial.</p>` : ''}
<p class="meta">seed <code>${e.run.seed}</code> · manifest <code>${e.manifest.path}</code> (sha256 <code>${e.manifest.sha256}</code>) · ${e.environment.baseUrl} · ${e.tool.name} ${e.tool.version}${shard}</p>
<p class="meta">${e.run.startedAt} → ${e.run.finishedAt} (${(e.run.durationMs / 1000).toFixed(1)} s) · Node ${e.environment.node} on ${e.environment.platform} · ${e.environment.hostname}</p>
</header>
${filters(e)}
<h2 id="counts-heading">Cases per suite</h2>
${counts(e)}
<h2 id="matrix">Scope matrix</h2>
${htmlMatrix(e.scopeMatrix)}
`.toString());
  htmlRevoked(e, write);
  write(html`
${htmlRotation(e)}
${htmlDrift(e)}
<h2 id="findings">Findings by endpoint</h2>
${htmlFindings(e)}
<h2 id="cases">All cases</h2>
`.toString());
  htmlCaseTable(e, write);
  write(html`
${e.warnings.length > 0 ? html`<h2 id="warnings">Warnings</h2><ul>${e.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : ''}
<script>${raw(SCRIPT)}</script>
</body>
</html>
`.toString());
}
