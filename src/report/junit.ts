import { SUITES } from '../plan/case.ts';
import { caseDetails, caseFacts, caseHeadline } from './caseDetails.ts';
import type { EvidenceCase, EvidenceDocument } from './evidence.ts';
import { xmlAttributes, xmlText } from './xml.ts';

/** Seconds with millisecond precision: the form junit-10.xsd's SUREFIRE_TIME accepts. */
const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

/** Ant's timestamp form (no zone, no fraction); the harness always writes UTC. */
const antTimestamp = (iso: string) => iso.replace(/\.\d+Z$|Z$/, '');

function testcase(c: EvidenceCase, evidence: EvidenceDocument): string[] {
  const head = `    <testcase${xmlAttributes({ classname: `${evidence.run.service}.${c.suite}`, name: c.title, time: seconds(c.durationMs) })}>`;
  const lines = [head];
  const headline = caseHeadline(c);
  // Findings are failures; no answer at all is an infrastructure error; excluded cases are skipped.
  if (c.verdict === 'failed') lines.push(`      <failure${xmlAttributes({ message: headline, type: c.findings[0]?.check ?? 'finding' })}>${xmlText(caseDetails(c))}</failure>`);
  else if (c.verdict === 'error') lines.push(`      <error${xmlAttributes({ message: headline, type: c.failure?.kind ?? 'error' })}>${xmlText(caseDetails(c))}</error>`);
  else if (c.verdict === 'skipped') lines.push(`      <skipped${xmlAttributes({ message: c.skipReason ?? 'skipped' })}/>`);
  const facts = caseFacts(c, evidence.run.seed).map(([k, v]) => `${k}: ${v.replace(/\s*\n\s*/g, ' ')}`);
  lines.push(`      <system-out>${xmlText(facts.join('\n'))}</system-out>`, '    </testcase>');
  return lines;
}

/** Run-wide facts, as testsuite properties (the only place junit-10.xsd allows them). */
function properties(evidence: EvidenceDocument): [string, string][] {
  const props: [string, string][] = [
    ['seed', String(evidence.run.seed)],
    ['service', evidence.run.service],
    ['base-url', evidence.environment.baseUrl],
    ['manifest', evidence.manifest.path],
    ['manifest-sha256', evidence.manifest.sha256],
    ['tool', `${evidence.tool.name} ${evidence.tool.version}`],
  ];
  if (evidence.run.shard) props.push(['shard', `${evidence.run.shard.index}/${evidence.run.shard.count}`]);
  if (evidence.run.shards) props.push(['merged-shards', String(evidence.run.shards.length)]);
  return props;
}

/**
 * Baseline changes as failing testcases of their own testsuite, so a CI page shows why a run whose
 * cases all held still failed. Absent when there is no baseline or nothing changed.
 */
function driftSuite(evidence: EvidenceDocument): string[] {
  const drift = evidence.baseline?.drift ?? [];
  if (drift.length === 0) return [];
  const { run } = evidence;
  const lines = [`  <testsuite${xmlAttributes({ name: `${run.service} › baseline`, tests: drift.length, failures: drift.length, errors: 0, skipped: 0, time: seconds(0), timestamp: antTimestamp(run.startedAt), hostname: evidence.environment.hostname, id: 'baseline', package: run.service })}>`];
  for (const d of drift) {
    const body = [`${d.kind}: ${d.message}`, ...d.changes.map((c) => `  ${c.field}: approved ${c.approved}, observed ${c.observed}`), '', `case: ${d.caseId}`, `baseline: ${evidence.baseline!.file}`, `approve the new behaviour: npx harden baseline approve ${evidence.baseline!.file}`];
    lines.push(
      `    <testcase${xmlAttributes({ classname: `${run.service}.baseline`, name: `baseline › ${d.title}`, time: seconds(0) })}>`,
      `      <failure${xmlAttributes({ message: `baseline ${d.kind}: ${d.message}`.replace(/\s+/g, ' '), type: 'baseline-drift' })}>${xmlText(body.join('\n'))}</failure>`,
      '    </testcase>',
    );
  }
  lines.push('  </testsuite>');
  return lines;
}

/**
 * JUnit XML (Jenkins/Ant junit-10.xsd): one testsuite per request suite, one testcase per case
 * named by its title, in plan order. Per-case facts are `name: value` lines in <system-out>.
 */
export function buildJUnit(evidence: EvidenceDocument): string {
  const { run, totals } = evidence;
  const drift = evidence.baseline?.drift.length ?? 0;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // junit-10.xsd allows no `skipped` here; the testsuites carry it.
    `<testsuites${xmlAttributes({ name: run.service, time: seconds(run.durationMs), tests: totals.tests + drift, failures: totals.failed + drift, errors: totals.errors })}>`,
  ];
  for (const suite of SUITES) {
    const cases = evidence.cases.filter((c) => c.suite === suite);
    if (cases.length === 0) continue;
    const counts = evidence.suites[suite];
    lines.push(
      `  <testsuite${xmlAttributes({
        name: `${run.service} › ${suite}`,
        tests: counts.tests,
        failures: counts.failed,
        errors: counts.errors,
        skipped: counts.skipped,
        time: seconds(cases.reduce((sum, c) => sum + c.durationMs, 0)),
        timestamp: antTimestamp(run.startedAt),
        hostname: evidence.environment.hostname,
        id: String(SUITES.indexOf(suite)),
        package: run.service,
      })}>`,
      '    <properties>',
      ...properties(evidence).map(([name, value]) => `      <property${xmlAttributes({ name, value })}/>`),
      '    </properties>',
    );
    for (const c of cases) lines.push(...testcase(c, evidence));
    lines.push('  </testsuite>');
  }
  lines.push(...driftSuite(evidence), '</testsuites>', '');
  return lines.join('\n');
}
