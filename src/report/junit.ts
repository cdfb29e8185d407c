import { SUITES, type SuiteId } from '../plan/case.ts';
import { caseDetails, caseFacts, caseHeadline } from './caseDetails.ts';
import type { Evidence, EvidenceCase } from './evidence.ts';
import builderModule, { type Builder } from 'junit-report-builder';

// junit-report-builder ships CommonJS; under NodeNext its default export may arrive wrapped.
const builder = ((builderModule as unknown as { default?: typeof builderModule }).default ?? builderModule) as unknown as { newBuilder(): Builder };

/** Characters XML 1.0 cannot carry at all, even escaped (NUL, lone surrogates from a hostile response). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Seconds with millisecond precision: the form junit-10.xsd's SUREFIRE_TIME accepts. */
const seconds = (ms: number) => Math.round(Math.max(0, ms)) / 1000;

/** Ant's timestamp form (no zone, no fraction); the harness always writes UTC. */
const antTimestamp = (iso: string) => iso.replace(/\.\d+Z$|Z$/, '');

/** Run-wide facts, as testsuite properties (the only place junit-10.xsd allows them). */
function properties(evidence: Evidence): [string, string][] {
  const props: [string, string][] = [
    ['seed', String(evidence.run.seed)],
    ['service', evidence.run.service],
    ['base-url', evidence.environment.baseUrl],
    ['manifest', evidence.manifest.path],
    ['manifest-sha256', evidence.manifest.sha256],
    ['tool', `${evidence.tool.name} ${evidence.tool.version}`],
  ];
  if (evidence.run.selection) props.push(['selection', evidence.run.selection]);
  if (evidence.run.shard) props.push(['shard', `${evidence.run.shard.index}/${evidence.run.shard.count}`]);
  if (evidence.run.shards) props.push(['merged-shards', String(evidence.run.shards.length)]);
  return props;
}

/** Text for CDATA: characters XML 1.0 cannot carry at all shown as \u{…} rather than silently dropped. */
const cdataText = (text: string) => text.replace(NOT_XML, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);

/*
 * Everything below is built through junit-report-builder's public API (testSuite, testCase,
 * property, name, time, timestamp, className, failure, error, stacktrace, skipped, standardOutput,
 * and build(), which returns the element it built). Two things it cannot express, and the minimal
 * workaround for each:
 *
 * 1. Attributes it has no setter for. junit-10.xsd allows `hostname`, `id` and `package` on a
 *    testsuite, and a suite written case by case must take its counts from the evidence, not from
 *    children the builder never holds. They are set with `att()` on the element build() returns
 *    (xmlbuilder's public element API), never through the builder's private state.
 * 2. Writing one element at a time. The builder renders whole documents only (build() → string,
 *    writeTo), which would hold every case of a run in memory. So each element it builds is
 *    rendered on its own by xmlbuilder's public `toString`, and a testsuite, whose cases follow
 *    one by one, is written as its start tag and properties (suiteStart) and then closed by hand.
 */

/** The element a junit-report-builder node builds: xmlbuilder's, whose public API renders it and sets attributes. */
type Built = ReturnType<ReturnType<Builder['testSuite']>['build']>;

/** xmlbuilder's rendering of one element, at the depth it sits in the document. */
const render = (element: Built, depth: number) => element.toString({ pretty: true, indent: '  ', offset: depth, newline: '\n' });

/** One <testcase>, built by junit-report-builder on its own so nothing accumulates across cases. */
function testCase(c: EvidenceCase, evidence: Evidence): string {
  const suite = builder.newBuilder().testSuite();
  const testCase = suite.testCase().className(`${evidence.run.service}.${c.suite}`).name(cdataText(c.title)).time(seconds(c.durationMs));
  const headline = cdataText(caseHeadline(c));
  // Findings are failures; no answer at all is an infrastructure error; excluded cases are skipped.
  if (c.verdict === 'failed') testCase.failure(headline, c.findings[0]?.check ?? 'finding').stacktrace(cdataText(caseDetails(c)));
  else if (c.verdict === 'error') testCase.error(headline, c.failure?.kind ?? 'error', cdataText(caseDetails(c)));
  // Not proven is skipped in JUnit's vocabulary: neither a pass nor a failure, with the reason beside it.
  else if (c.verdict === 'skipped' || c.verdict === 'not-proven') testCase.skipped();
  const facts = caseFacts(c, evidence.run.seed).map(([k, v]) => `${k}: ${v.replace(/\s*\n\s*/g, ' ')}`);
  if (c.verdict === 'skipped') facts.push(`skipped: ${c.skipReason ?? 'excluded'}`);
  testCase.standardOutput(cdataText(facts.join('\n')));
  // build(parent) returns the testcase's own element, rendered alone at its depth.
  return render(testCase.build(suite.build()), 2);
}

/**
 * A <testsuite> start tag and its <properties>, left open for its cases (workaround 2 above): the
 * suite is built with its properties and no cases, rendered whole, and its end tag — the last
 * line of the rendering, since <properties> always has children — is left for the caller to write.
 */
function suiteStart(element: Built): string {
  const text = render(element, 1);
  const end = '  </testsuite>\n';
  if (!text.endsWith(end)) throw new Error(`junit: a testsuite rendered without its end tag: ${text.slice(-40)}`);
  return text.slice(0, -end.length);
}

/**
 * A <testsuite> start tag and its <properties>, left open for its cases. junit-report-builder
 * counts a suite's cases from its children, which are written one by one instead, so the counts
 * are set from the evidence's.
 */
function suiteHead(suite: SuiteId, evidence: Evidence): string {
  const { run } = evidence;
  const counts = evidence.suites[suite];
  const node = builder.newBuilder().testSuite().name(`${run.service} › ${suite}`).timestamp(antTimestamp(run.startedAt)).time(seconds(suiteDurationMs(suite, evidence)));
  for (const [name, value] of properties(evidence)) node.property(name, cdataText(value));
  // Workaround 1: attributes without a setter, and counts of cases written one by one.
  const element = node.build();
  element.att({ hostname: evidence.environment.hostname, id: String(SUITES.indexOf(suite)), package: run.service });
  element.att({ tests: counts.tests, failures: counts.failed, errors: counts.errors, skipped: counts.skipped + counts.notProven });
  return suiteStart(element);
}

function suiteDurationMs(suite: SuiteId, evidence: Evidence): number {
  let ms = 0;
  for (const c of evidence.cases.read({ suite })) ms += c.durationMs;
  return ms;
}

/**
 * Baseline changes as failing testcases of their own testsuite, so a CI page shows why a run whose
 * cases all held still failed. Absent when there is no baseline or nothing changed.
 */
function driftSuite(evidence: Evidence): string {
  const drift = evidence.baseline?.drift ?? [];
  if (drift.length === 0) return '';
  const { run } = evidence;
  const suite = builder.newBuilder().testSuite().name(`${run.service} › baseline`).timestamp(antTimestamp(run.startedAt)).time(0);
  for (const d of drift) {
    const body = [`${d.kind}: ${d.message}`, ...d.changes.map((c) => `  ${c.field}: approved ${c.approved}, observed ${c.observed}`), '', `case: ${d.caseId}`, `baseline: ${evidence.baseline!.file}`, `approve the new behaviour: npx harden baseline approve ${evidence.baseline!.file}`];
    suite
      .testCase()
      .className(`${run.service}.baseline`)
      .name(cdataText(`baseline › ${d.title}`))
      .time(0)
      .failure(cdataText(`baseline ${d.kind}: ${d.message}`.replace(/\s+/g, ' ')), 'baseline-drift')
      .stacktrace(cdataText(body.join('\n')));
  }
  // Workaround 1: attributes without a setter (the counts come from the builder: it holds these cases).
  return render(suite.build().att({ hostname: evidence.environment.hostname, id: 'baseline', package: run.service }), 1);
}

/**
 * JUnit XML (Jenkins/Ant junit-10.xsd), written case by case: one testsuite per request suite,
 * one testcase per case named by its title, in plan order. junit-report-builder builds every
 * element; it renders only whole documents, so each testcase is built and rendered on its own and
 * the document is never held at once. Per-case facts are `name: value` lines in <system-out>,
 * since the schema allows <properties> only on a testsuite.
 */
export function writeJUnit(evidence: Evidence, write: (chunk: string) => void): void {
  const { run, totals } = evidence;
  const drift = evidence.baseline?.drift.length ?? 0;
  // The builder's <testsuites> (builder.name()) carries `skipped`, which junit-10.xsd does not allow there,
  // and no total time, which it does: the root's start and end are the one part written here by hand.
  write(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${escapeAttribute(run.service)}" time="${seconds(run.durationMs)}" tests="${totals.tests + drift}" failures="${totals.failed + drift}" errors="${totals.errors}">\n`);
  for (const suite of SUITES) {
    if (evidence.suites[suite].tests === 0) continue;
    write(suiteHead(suite, evidence));
    for (const c of evidence.cases.read({ suite })) write(testCase(c, evidence));
    write('  </testsuite>\n');
  }
  write(driftSuite(evidence));
  write('</testsuites>\n');
}

/** The whole JUnit text at once, for tests and small documents. */
export function buildJUnit(evidence: Evidence): string {
  const chunks: string[] = [];
  writeJUnit(evidence, (chunk) => chunks.push(chunk));
  return chunks.join('');
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
