import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Baseline, BaselineCase } from '../../src/baseline/baseline.ts';
import { formatBaseline, parseBaseline } from '../../src/baseline/baselineFile.ts';
import { compareBaseline } from '../../src/baseline/compareBaseline.ts';
import { runCli, startTarget } from '../harness.ts';
import { readJUnitCases, validateJUnit } from '../junitXml.ts';
import { quietEnv, readEvidence, readReport, runAgainst } from './reportRun.ts';

const entry = (id: string, over: Partial<BaselineCase> = {}): BaselineCase => ({ id, title: `T ${id}`, suite: 'unauthorized', endpointId: 'e', verdict: 'passed', status: 403, errorType: 'urn:forbidden', challengeError: 'insufficient_scope', failedChecks: [], ...over });
const baseline = (cases: BaselineCase[]): Baseline => ({ format: 1, service: 's', seed: 1, manifestSha256: 'a'.repeat(64), approvedRun: '2026-01-01T00:00:00.000Z', cases });

describe('compareBaseline (pure)', () => {
  it('names every changed fact, new cases, and approved cases a complete run lost', () => {
    const approved = baseline([entry('a'), entry('b'), entry('c')]);
    const observed = [entry('a'), entry('b', { status: 201, verdict: 'failed', errorType: null, challengeError: null, failedChecks: ['status'] }), entry('d')];
    const drift = compareBaseline(approved, observed, { complete: true });
    expect(drift.map((d) => [d.kind, d.caseId])).toEqual([['changed', 'b'], ['added', 'd'], ['removed', 'c']]);
    expect(drift[0]!.message).toBe('verdict passed → failed; status 403 → 201; errorType urn:forbidden → none; challengeError insufficient_scope → no challenge; failedChecks none → status');
    // A shard or a filtered run does not see every case: missing ones are not drift there.
    expect(compareBaseline(approved, observed, { complete: false }).map((d) => d.kind)).toEqual(['changed', 'added']);
    expect(compareBaseline(approved, approved.cases, { complete: true })).toEqual([]);
  });

  it('writes one case per line, sorted by id, and reads back what it wrote', () => {
    const b = baseline([entry('z'), entry('a', { challengeError: '' })]);
    const text = formatBaseline(b);
    const lines = text.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('    {"id"')).map((l) => JSON.parse(l.replace(/,$/, '')).id)).toEqual(['a', 'z']);
    expect(parseBaseline(text)).toEqual({ ...b, cases: [b.cases[1], b.cases[0]] });
    expect(() => parseBaseline('{"format":2}')).toThrow(/format 1/);
  });
});

describe('harden run --baseline', () => {
  let hardened: Awaited<ReturnType<typeof startTarget>>;
  let broken: Awaited<ReturnType<typeof startTarget>>;
  const folder = mkdtempSync(join(tmpdir(), 'harden-baseline-'));
  const approvedFile = join(folder, 'hardened.baseline.json');

  beforeAll(async () => {
    [hardened, broken] = await Promise.all([startTarget(), startTarget(['write-accepts-read-scope'])]);
  });
  afterAll(async () => {
    await hardened.close();
    await broken.close();
  });

  it('catches one changed status: approved on the hardened API, re-run with a regression, exit 1 naming the drift', async () => {
    const approvedRun = await runAgainst(hardened);
    expect(approvedRun.code).toBe(0);
    const approve = await runCli(['baseline', 'approve', approvedFile, '--evidence', approvedRun.reports], quietEnv(hardened.env));
    expect(approve.code, approve.err).toBe(0);
    expect(approve.out).toMatch(/^baseline: approved \d+ cases of orders-api \(seed 4242\)/);

    // No --seed: the run takes the baseline's, so generated inputs match the approved run.
    const args = ['run', 'fixtures/reference-api/manifest.yaml', '--base-url', broken.api.url, '--runs', '5', '--baseline', approvedFile];
    const result = await runCli(args, quietEnv(broken.env));
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^seed: 4242/m);
    expect(result.out).toMatch(/^baseline: 1 change from .*hardened\.baseline\.json:$/m);
    expect(result.out).toMatch(/^ {2}DRIFT changed POST \/orders › unauthorized › scope orders:read: verdict passed → failed; status 403 → 201; errorType https:\/\/errors\.orders-api\.example\/insufficient-scope → none; challengeError insufficient_scope → no challenge; failedChecks none → status$/m);
    const evidence = readEvidence(result.reports);
    expect(evidence.baseline?.drift.map((d) => d.title)).toEqual(['POST /orders › unauthorized › scope orders:read']);
    expect(readReport(result.reports, 'summary.md')).toMatch(/### Baseline drift\n\n1 change from the approved baseline/);
    const xml = readReport(result.reports, 'junit.xml');
    expect(await validateJUnit(xml)).toEqual([]);
    expect(readJUnitCases(xml).filter((c) => c.classname === 'orders-api.baseline').map((c) => c.name)).toEqual(['baseline › POST /orders › unauthorized › scope orders:read']);
  });

  it('fails a run whose cases all held when it drifted, and --update-baseline approves it as a one-line diff', async () => {
    // Approve the regressed behaviour, then run the hardened API: every case holds, only the baseline differs.
    const regressedFile = join(folder, 'regressed.baseline.json');
    const regressed = await runAgainst(broken, ['--baseline', regressedFile, '--update-baseline']);
    expect(regressed.code).toBe(1);
    const before = readFileSync(regressedFile, 'utf8');

    const drifted = await runAgainst(hardened, ['--baseline', regressedFile]);
    // Every case held, but the headline follows the gate: drift fails it.
    expect(drifted.out).toMatch(/^FAIL: (\d+)\/\1 held; 1 baseline change/m);
    expect(drifted.code).toBe(1);
    expect(drifted.out).toMatch(/DRIFT changed POST \/orders › unauthorized › scope orders:read: verdict failed → passed; status 201 → 403/);

    const approved = await runAgainst(hardened, ['--baseline', regressedFile, '--update-baseline']);
    expect(approved.code).toBe(0);
    const after = readFileSync(regressedFile, 'utf8');
    const changed = after.split('\n').filter((line) => !before.split('\n').includes(line));
    expect(changed.filter((l) => !l.includes('"approvedRun"'))).toEqual([expect.stringMatching(/^ {4}\{"id":"createOrder\/unauthorized\/[^"]+","title":"POST \/orders › unauthorized › scope orders:read",.*"status":403,/)]);
    expect((await runAgainst(hardened, ['--baseline', regressedFile])).code).toBe(0);
  });

  it('refuses a missing or broken baseline before sending anything (exit 2)', async () => {
    const missing = await runAgainst(hardened, ['--baseline', join(folder, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no baseline at .*nope\.json\. Approve one first: npx harden baseline approve/);
  });
});
