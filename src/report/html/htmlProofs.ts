import { challengeText } from '../challengeError.ts';
import { plural } from '../plural.ts';
import type { Evidence, EvidenceProbe } from '../evidence.ts';
import { revokedProof } from '../revokedProof.ts';
import { dataAttributes, h } from './escape.ts';

const held = (ok: boolean) => (ok ? '<span class="held">held</span>' : '<span class="broken">did not hold</span>');

/** The revoked-token suite's answers per endpoint. */
export function htmlRevoked(evidence: Evidence, write: (chunk: string) => void): void {
  if (evidence.suites['revoked-token'].tests === 0) return;
  write(`<h2 id="revoked">Revoked tokens</h2><table><thead><tr><th>route</th><th>case</th><th>status</th><th>challenge error</th><th>verdict</th></tr></thead><tbody>`);
  for (const c of evidence.cases.read({ suite: 'revoked-token' })) {
    const r = revokedProof(c);
    write(`<tr${dataAttributes({ suite: 'revoked-token', verdict: r.verdict, case: r.caseId })}><td>${h(r.route)}</td><td>${h(r.variant)}</td><td>${h(r.status ?? 'no response')}</td><td>${h(challengeText(r.status, r.challengeError))}</td><td>${r.verdict === 'not-proven' ? 'not proven' : held(r.verdict === 'passed')}</td></tr>`);
  }
  write('</tbody></table>');
}

const probeRows = (phase: string, probes: EvidenceProbe[]) => probes.map((p) => `<tr><td>${h(phase)}</td><td>${h(p.route)}</td><td>${h(p.status ?? 'no response')}</td><td>${h(challengeText(p.status, p.challengeError))}</td><td>${held(p.held)}</td></tr>`).join('');

/** The rotation drill, when the run had one. */
export function htmlRotation(evidence: Evidence): string {
  const r = evidence.rotation;
  if (!r) return '';
  return [
    `<h2 id="rotation">Token rotation drill: ${held(r.held)}</h2>`,
    `<p>${h(r.newToken)} issued ${h(r.issuedAt)}, replacing ${h(r.oldToken)}; the old token revoked ${h(r.revokedAt)}.</p>`,
    `<table><thead><tr><th>phase</th><th>route</th><th>status</th><th>challenge error</th><th>verdict</th></tr></thead><tbody>${probeRows('new token accepted', r.validated)}${probeRows('old token refused', r.rejected)}${probeRows('new token still accepted', r.stillAccepted)}</tbody></table>`,
  ].join('\n');
}

/** Changes from the approved baseline, when the run was compared with one. */
export function htmlDrift(evidence: Evidence): string {
  const b = evidence.baseline;
  if (!b) return '';
  if (b.drift.length === 0) return `<h2 id="baseline">Baseline</h2><p class="held">No change from the approved baseline <code>${h(b.file)}</code>.</p>`;
  const items = b.drift.map((d) => `<li${dataAttributes({ drift: d.kind, case: d.caseId })}><strong>${h(d.kind)}</strong> ${h(d.title)}: ${h(d.message)}</li>`);
  return `<h2 id="baseline">Baseline drift</h2><p class="broken">${plural(b.drift.length, 'change')} from <code>${h(b.file)}</code></p><ul>${items.join('')}</ul>`;
}
