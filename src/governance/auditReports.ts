import builderModule, { type Builder, type TestSuite } from 'junit-report-builder';
import { mdCell, mdCode, mdTable } from '../report/markdown.ts';
import type { AuditDocument } from './audit.ts';

// junit-report-builder ships CommonJS; under NodeNext its default export may arrive wrapped (as in src/report/junit.ts).
const builder = ((builderModule as unknown as { default?: typeof builderModule }).default ?? builderModule) as unknown as { newBuilder(): Builder };

const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const xmlText = (text: string) => text.replace(NOT_XML, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * JUnit (junit-10.xsd): one `governance` testsuite, one testcase per rule per token id, so a CI
 * page shows every token's standing on every rule. A violation is a <failure> whose type says
 * whether the policy makes it blocking; the exit code, not the failure, decides the gate.
 */
export function auditJUnit(d: AuditDocument): string {
  const report = builder.newBuilder();
  const suite: TestSuite = report.testSuite().name('governance').timestamp(d.now.replace(/\.\d+Z$|Z$/, '')).time(0);
  for (const [name, value] of [
    ['register', d.register.path],
    ['register-sha256', d.register.sha256],
    ['policy', d.policy.path ?? '(defaults)'],
    ['now', d.now],
    ['rotation-adherence-percent', String(d.metrics.rotationAdherencePercent)],
  ] as const) {
    suite.property(name, xmlText(value));
  }
  for (const rule of d.rules) {
    for (const tokenId of d.tokens) {
      const testCase = suite.testCase().className(`governance.${rule.id}`).name(xmlText(`governance › ${rule.id} › ${tokenId}`)).time(0);
      const found = d.violations.filter((v) => v.rule === rule.id && v.tokenId === tokenId);
      const facts = [`rule: ${rule.id}`, `token: ${tokenId}`, `blocking: ${rule.blocking}`];
      if (rule.status === 'skipped') {
        testCase.skipped();
        facts.push(`skipped: ${rule.note ?? ''}`);
      } else if (found.length > 0) {
        const kind = rule.blocking ? 'blocking' : 'advisory';
        testCase.failure(xmlText(`[${rule.id}] ${found[0]!.message}${found.length > 1 ? ` (+${found.length - 1} more)` : ''}`), kind).stacktrace(xmlText(found.map((v) => `${kind}: ${v.message}`).join('\n')));
      }
      testCase.standardOutput(xmlText(facts.join('\n')));
    }
  }
  // junit-10.xsd allows no `skipped` on <testsuites>; it does allow a name.
  return `${report.build().replace(/<testsuites([^>]*?) skipped="\d+"/, `<testsuites name="${escapeAttribute('governance')}"$1`)}\n`;
}

/** The console table: one row per violation, then the metrics and the rules skipped. */
export function auditConsole(d: AuditDocument): string[] {
  const rows = d.violations.map((v) => [v.blocking ? 'BLOCK' : 'warn', v.rule, v.tokenId, v.message]);
  const widths = [5, 18, Math.max(5, ...d.violations.map((v) => v.tokenId.length))];
  const pad = (cells: string[]) => cells.map((c, i) => (i < widths.length ? c.padEnd(widths[i]!) : c)).join('  ');
  const lines = [`token audit of ${d.register.path} at ${d.now}: ${d.metrics.tokens} tokens, ${d.verdict === 'pass' ? 'PASS' : 'FAIL'}`];
  if (rows.length > 0) lines.push('', pad(['', 'rule', 'token', 'what']), ...rows.map(pad));
  else lines.push('', 'no violations');
  const m = d.metrics;
  lines.push('', `rotation adherence ${m.rotationAdherencePercent}% · stale ${m.staleCount} · orphans ${m.orphanCount} · expired ${m.expiredCount} · violations ${m.violations} (${m.blockingViolations} blocking)`);
  for (const r of d.rules.filter((r) => r.status === 'skipped')) lines.push(`skipped ${r.id}: ${r.note ?? ''}`);
  return lines;
}

/** reports/governance.md: what a reviewer reads first. */
export function auditMarkdown(d: AuditDocument): string {
  const m = d.metrics;
  const lines = [
    `## Token audit: ${d.verdict === 'pass' ? 'PASS' : `FAIL — ${m.blockingViolations} blocking violation${m.blockingViolations === 1 ? '' : 's'}`}`,
    '',
    `register ${mdCode(d.register.path)} (sha256 ${mdCode(d.register.sha256.slice(0, 12))}) · policy ${mdCode(d.policy.path ?? 'defaults')} · at ${d.now}`,
    '',
    ...mdTable(['metric', 'value'], [['tokens', m.tokens], ['rotation adherence', `${m.rotationAdherencePercent}%`], ['stale', m.staleCount], ['orphans', m.orphanCount], ['expired', m.expiredCount], ['violations (blocking)', `${m.violations} (${m.blockingViolations})`]]),
    '',
    '### Rules',
    '',
    ...mdTable(['rule', 'blocking', 'status', 'violations'], d.rules.map((r) => [r.id, r.blocking ? 'yes' : 'no', r.status === 'skipped' ? `skipped: ${r.note ?? ''}` : 'checked', r.violations])),
  ];
  if (d.violations.length > 0) {
    lines.push('', '### Violations', '', ...mdTable(['', 'rule', 'token', 'what'], d.violations.map((v) => [v.blocking ? '**blocking**' : 'advisory', v.rule, mdCode(v.tokenId), mdCell(v.message)])));
  }
  return `${lines.join('\n')}\n`;
}
