import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countVerdicts } from '../../src/report/countVerdicts.ts';
import { evidenceOf } from '../../src/report/caseSource.ts';
import type { EvidenceDocument } from '../../src/report/evidence.ts';
import { evidenceCase } from '../../src/report/evidenceCase.ts';
import { buildJUnit } from '../../src/report/junit.ts';
import type { CaseResult } from '../../src/run/caseResult.ts';
import { startTarget, type CliResult } from '../harness.ts';
import { readJUnitCases, validateJUnit } from '../junitXml.ts';
import { readEvidence, readReport, runAgainst, SEED } from './reportRun.ts';

/** Attributes of every element with this tag, in document order. */
function elements(xml: string, tag: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${tag}\\b([^>]*?)/?>`, 'g'))].map((m) => Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
}

/** Every count attribute agrees with the testcases under it. */
function expectCountsMatch(xml: string): void {
  const suites = [...xml.matchAll(/<testsuite\b[^>]*>[\s\S]*?<\/testsuite>/g)].map((m) => m[0]);
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const suite of suites) {
    const attrs = elements(suite, 'testsuite')[0]!;
    const cases = readJUnitCases(suite);
    const skipped = (suite.match(/<skipped\b/g) ?? []).length;
    expect(Number(attrs.tests), attrs.name).toBe(cases.length);
    expect(Number(attrs.failures), attrs.name).toBe(cases.filter((c) => c.failure !== undefined).length);
    expect(Number(attrs.errors), attrs.name).toBe(cases.filter((c) => c.error !== undefined).length);
    expect(Number(attrs.skipped), attrs.name).toBe(skipped);
    expect(attrs.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(attrs.hostname).toBeTruthy();
    expect(attrs.time).toMatch(/^\d+(\.\d{1,3})?$/);
    tests += cases.length;
    failures += Number(attrs.failures);
    errors += Number(attrs.errors);
  }
  const root = elements(xml, 'testsuites')[0]!;
  expect([Number(root.tests), Number(root.failures), Number(root.errors)]).toEqual([tests, failures, errors]);
}

describe('JUnit XML against junit-10.xsd', () => {
  let hardened: Awaited<ReturnType<typeof startTarget>>;
  let broken: Awaited<ReturnType<typeof startTarget>>;
  let passing: CliResult;
  let failing: CliResult;

  beforeAll(async () => {
    [hardened, broken] = await Promise.all([startTarget(), startTarget(['revoked-token-accepted'])]);
    [passing, failing] = await Promise.all([runAgainst(hardened), runAgainst(broken)]);
  });
  afterAll(async () => {
    await hardened.close();
    await broken.close();
  });

  it('is valid for a passing run, with per-case facts in <system-out> and counts that add up', async () => {
    expect(passing.code, passing.out).toBe(0);
    const xml = readReport(passing.reports, 'junit.xml');
    expect(await validateJUnit(xml)).toEqual([]);
    expectCountsMatch(xml);
    const cases = readJUnitCases(xml);
    expect(cases.length).toBe(readEvidence(passing.reports).totals.tests);
    for (const c of cases) {
      expect(c.classname).toMatch(/^orders-api\.(positive|revoked-token|unauthorized|malformed|rotation|exposure)$/);
      expect(c.body).toContain(`seed: ${SEED}\n`);
      expect(c.body).toMatch(/^endpoint: \S+$/m);
      expect(c.body).toMatch(/^suite: \S+$/m);
      expect(c.body).toMatch(/^expected: .+$/m);
      expect(c.body).toMatch(/^observed: .+$/m);
    }
    expect(xml).toMatch(/<property name="manifest-sha256" value="[0-9a-f]{64}"\/>/);
  });

  it('is valid for a failing run: one-line failure messages, the redacted exchange in the body', async () => {
    expect(failing.code).toBe(1);
    const xml = readReport(failing.reports, 'junit.xml');
    expect(await validateJUnit(xml)).toEqual([]);
    expectCountsMatch(xml);
    const failures = readJUnitCases(xml).filter((c) => c.failure !== undefined && c.classname === 'orders-api.revoked-token');
    expect(failures.length).toBe(6);
    for (const f of failures) {
      expect(f.failure).not.toMatch(/\n/);
      expect(f.body).toMatch(/^replay: npx harden run 'fixtures\/reference-api\/manifest\.yaml' .* --seed 4242 --case '/m);
      expect(f.body).toMatch(/^> (GET|POST|PATCH|DELETE) http:\/\/127\.0\.0\.1:\d+\//m);
      expect(f.body).toMatch(/^> authorization: Bearer \[REDACTED token#\d+ \(revoked\)\]$/m);
      expect(f.body).toMatch(/^< [24]\d\d$/m);
    }
    // The same seed gives the same testcases in the same order, whatever the API answered.
    expect(readJUnitCases(xml).map((c) => c.name)).toEqual(readJUnitCases(readReport(passing.reports, 'junit.xml')).map((c) => c.name));
  });

  it('renders no answer as <error>, an excluded case as <skipped> with its reason, and characters XML cannot carry', async () => {
    const evidence = readEvidence(passing.reports);
    const [first, second, third, ...rest] = evidence.cases;
    const timedOut = { ...first!, verdict: 'error' as const, status: null, failure: { kind: 'timeout', code: 'UND_ERR_HEADERS_TIMEOUT', message: 'no answer within 100 ms' }, exchanges: first!.exchanges.map((e) => ({ request: e.request, failure: { kind: 'timeout', code: 'UND_ERR_HEADERS_TIMEOUT', message: 'no answer within 100 ms' }, durationMs: 100 })) };
    // A skipped verdict is not produced by the run yet; a result carrying one must still render.
    const skippedResult = { case: { ...second!, id: 'x/positive/excluded', seed: 1, endpointId: 'x', route: 'GET /x', expect: { outcome: 'accept', statuses: [200], reason: 'r' }, request: { method: 'GET', path: '/x', headers: {} } }, status: 'skipped', skipReason: 'excluded by the manifest (x-harden-skip)', findings: [], exchanges: [], durationMs: 0 } as unknown as CaseResult;
    const skipped = { ...evidenceCase(skippedResult, 1, { manifestFile: 'm.yaml', seed: 1, baseUrl: 'http://127.0.0.1:1' }), suite: second!.suite, title: second!.title };
    const hostile = { ...third!, exchanges: third!.exchanges.map((e) => ({ ...e, response: e.response && { ...e.response, body: { text: 'nul\u0000 bell\u0007 lone\uD800 ]]> </system-out>', bytes: 40, truncated: false } } })), verdict: 'failed' as const, findings: [{ code: 'LEAK_STACK_TRACE', check: 'no-leak', severity: 'high', title: 't', message: 'a "quoted"\nmultiline <message> & more' }] };
    const cases = [timedOut, skipped, hostile, ...rest];
    const doc: EvidenceDocument = { ...evidence, cases, ...countVerdicts(cases) };
    const xml = buildJUnit(evidenceOf(doc));
    expect(await validateJUnit(xml)).toEqual([]);
    expectCountsMatch(xml);
    const rendered = readJUnitCases(xml);
    expect(rendered[0]!.error).toBe('no response: timeout (UND_ERR_HEADERS_TIMEOUT)');
    expect(xml).toMatch(/<error message="no response: timeout \(UND_ERR_HEADERS_TIMEOUT\)" type="timeout">/);
    // junit-report-builder writes a bare <skipped/>; the reason travels with the case's facts.
    expect(xml).toContain('<skipped/>');
    expect(xml).toContain('skipped: excluded by the manifest (x-harden-skip)');
    expect(rendered[1]!.body).toContain('verdict: skipped');
    expect(rendered[2]!.failure).toBe('[no-leak] t: a "quoted" multiline <message> & more');
    expect(rendered[2]!.body).toContain('nul\\u{0} bell\\u{7} lone\\u{d800} ]]> </system-out>');
  });
});
