import { challengeText } from '../challengeError.ts';
import type { Evidence, EvidenceProbe } from '../evidence.ts';
import { plural } from '../plural.ts';
import { revokedProof } from '../revokedProof.ts';
import { dataAttributes, html, type Html } from './escape.ts';

const held = (ok: boolean) => (ok ? html`<span class="held">held</span>` : html`<span class="broken">did not hold</span>`);

/** The revoked-token suite's answers per endpoint. */
export function htmlRevoked(evidence: Evidence, write: (chunk: string) => void): void {
  if (evidence.suites['revoked-token'].tests === 0) return;
  write(`<h2 id="revoked">Revoked tokens</h2><table><thead><tr><th>route</th><th>case</th><th>status</th><th>challenge error</th><th>verdict</th></tr></thead><tbody>`);
  for (const c of evidence.cases.read({ suite: 'revoked-token' })) {
    const r = revokedProof(c);
    write(html`<tr${dataAttributes({ suite: 'revoked-token', verdict: r.verdict, case: r.caseId })}><td>${r.route}</td><td>${r.variant}</td><td>${r.status ?? 'no response'}</td><td>${challengeText(r.status, r.challengeError)}</td><td>${r.verdict === 'not-proven' ? 'not proven' : held(r.verdict === 'passed')}</td></tr>`.toString());
  }
  write('</tbody></table>');
}

const probeRows = (phase: string, probes: EvidenceProbe[]) => probes.map((p) => html`<tr><td>${phase}</td><td>${p.route}</td><td>${p.status ?? 'no response'}</td><td>${challengeText(p.status, p.challengeError)}</td><td>${held(p.held)}</td></tr>`);

/** The rotation drill, when the run had one. */
export function htmlRotation(evidence: Evidence): Html {
  const r = evidence.rotation;
  if (!r) return html``;
  return html`<h2 id="rotation">Token rotation drill: ${held(r.held)}</h2>
<p>${r.newToken} issued ${r.issuedAt}, replacing ${r.oldToken}; the old token revoked ${r.revokedAt}.</p>
<table><thead><tr><th>phase</th><th>route</th><th>status</th><th>challenge error</th><th>verdict</th></tr></thead><tbody>${probeRows('new token accepted', r.validated)}${probeRows('old token refused', r.rejected)}${probeRows('new token still accepted', r.stillAccepted)}</tbody></table>`;
}

/** Changes from the approved baseline, when the run was compared with one. */
export function htmlDrift(evidence: Evidence): Html {
  const b = evidence.baseline;
  if (!b) return html``;
  if (b.drift.length === 0) return html`<h2 id="baseline">Baseline</h2><p class="held">No change from the approved baseline <code>${b.file}</code>.</p>`;
  const items = b.drift.map((d) => html`<li${dataAttributes({ drift: d.kind, case: d.caseId })}><strong>${d.kind}</strong> ${d.title}: ${d.message}</li>`);
  return html`<h2 id="baseline">Baseline drift</h2><p class="broken">${plural(b.drift.length, 'change')} from <code>${b.file}</code></p><ul>${items}</ul>`;
}
