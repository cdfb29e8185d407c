import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import builderModule, { type Builder } from 'junit-report-builder';
import { HardenError } from '../errors.ts';
import { SUITES } from '../plan/case.ts';
import type { Reporter } from '../run/reporter.ts';
import type { RunSummary } from '../run/summarise.ts';
import { caseProperties, failureDetails, failureHeadline } from './caseDetails.ts';

// junit-report-builder ships CommonJS; under NodeNext its default export may arrive wrapped.
const builder = ((builderModule as unknown as { default?: typeof builderModule }).default ?? builderModule) as unknown as { newBuilder(): Builder };

/**
 * Builds JUnit XML for a run: one testsuite per request suite, one testcase per case, named by its title.
 * Per-case facts go in <system-out> as `name: value` lines, because the Jenkins/Ant schema (junit-10.xsd)
 * allows <properties> only on a testsuite; run-wide facts are testsuite properties.
 */
export function buildJUnit(summary: RunSummary): string {
  const report = builder.newBuilder();
  const host = hostname();
  for (const suite of SUITES) {
    const results = summary.results.filter((r) => r.case.suite === suite);
    if (results.length === 0) continue;
    const testSuite = report
      .testSuite()
      .name(`${summary.service} › ${suite}`)
      .timestamp(summary.startedAt)
      .time(seconds(results.reduce((sum, r) => sum + r.durationMs, 0)))
      .property('seed', String(summary.seed))
      .property('service', summary.service)
      .property('base-url', summary.baseUrl)
      .property('manifest', summary.manifestFile);
    (testSuite as unknown as { _attributes: Record<string, string> })._attributes.hostname = host;
    for (const result of results) {
      const testCase = testSuite
        .testCase()
        .className(`${summary.service}.${suite}`)
        .name(result.case.title)
        .time(seconds(result.durationMs));
      const props = caseProperties(result, summary.seed).map(([k, v]) => `${k}: ${v}`).join('\n');
      if (result.status === 'failed') {
        testCase.failure(failureHeadline(result), result.findings[0]!.checkId);
        testCase.stacktrace(failureDetails(result, summary.manifestFile, summary.seed, summary.baseUrl));
      } else if (result.status === 'error') {
        testCase.error(failureHeadline(result), result.failure?.kind ?? 'error', failureDetails(result, summary.manifestFile, summary.seed, summary.baseUrl));
      }
      testCase.standardOutput(props);
    }
  }
  // junit-10.xsd does not allow `skipped` on <testsuites>; it does allow a name and a total time.
  const total = seconds(summary.finishedAt.getTime() - summary.startedAt.getTime());
  return report.build().replace(/<testsuites([^>]*?) skipped="\d+"/, `<testsuites name="${escapeAttribute(summary.service)}" time="${total}"$1`);
}

const seconds = (ms: number) => Math.round(ms) / 1000;

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Writes the JUnit file when the run ends. */
export function junitReporter(path: string, write: (path: string, text: string) => void): Reporter {
  return {
    onRunEnd(summary) {
      try {
        mkdirSync(dirname(path), { recursive: true });
        write(path, buildJUnit(summary as RunSummary));
      } catch (cause) {
        throw new HardenError('REPORT_WRITE_FAILED', `Cannot write the JUnit report to ${path}: ${(cause as Error).message}. Check the path or pass --junit.`, { cause });
      }
    },
  };
}
