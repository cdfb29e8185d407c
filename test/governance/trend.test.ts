import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrendRun } from '../../src/governance/trend.ts';
import type { Counts, EvidenceCase, EvidenceDocument } from '../../src/report/evidence.ts';
import { EVIDENCE_SCHEMA_VERSION } from '../../src/report/evidence.ts';
import type { SuiteId } from '../../src/plan/case.ts';
import { runCli } from '../harness.ts';
import { validateEvidence } from '../reports/reportRun.ts';

const count = (tests: number, failed: number): Counts => ({ tests, passed: tests - failed, failed, errors: 0, skipped: 0, notProven: 0 });

function testCase(index: number, suite: SuiteId, failed: boolean): EvidenceCase {
  return {
    index,
    id: `case-${index}`,
    title: `GET /orders › ${suite} › ${index}`,
    suite,
    endpoint: { id: 'listOrders', route: 'GET /orders' },
    variant: String(index),
    caseSeed: index,
    expected: { outcome: 'reject', statuses: [401], reason: 'no credentials' },
    verdict: failed ? 'failed' : 'passed',
    status: failed ? 200 : 401,
    durationMs: 1,
    exchanges: [],
    findings: failed ? [{ code: 'REFUSAL_EXPECTED', check: 'status', severity: 'high', title: 'served', message: 'expected 401, got 200' }] : [],
    replay: `npx harden replay m.yaml --seed 1 --case case-${index}`,
  };
}

/** The smallest evidence the schema accepts, with `failed` findings in each named suite of 4 cases. */
function evidence(startedAt: string, seed: number, failed: Partial<Record<SuiteId, number>>): EvidenceDocument {
  const suites = ['positive', 'revoked-token', 'unauthorized', 'malformed'] as const;
  const cases = suites.flatMap((s, si) => [0, 1, 2, 3].map((i) => testCase(si * 4 + i, s, i < (failed[s] ?? 0))));
  const totalFailed = Object.values(failed).reduce((a, b) => a + b, 0);
  return {
    schemaVersion: EVIDENCE_SCHEMA_VERSION,
    tool: { name: 'api-harden', version: '0.1.0' },
    run: { service: 'orders-api', seed, startedAt, finishedAt: startedAt, durationMs: 1000 },
    manifest: { path: 'manifest.yaml', sha256: '0'.repeat(64) },
    environment: { baseUrl: 'http://127.0.0.1:8080', node: 'v20.20.0', platform: 'linux-x64', hostname: 'ci' },
    totals: count(16, totalFailed),
    suites: { ...Object.fromEntries(suites.map((s) => [s, count(4, failed[s] ?? 0)])), rotation: count(0, 0), exposure: count(0, 0) } as Record<SuiteId, Counts>,
    cases,
    scopeMatrix: { scopes: [], endpoints: [], cells: [] },
    warnings: [],
  };
}

describe('harden trend', () => {
  const root = mkdtempSync(join(tmpdir(), 'harden-trend-'));
  const runs = [
    ['b', evidence('2025-06-02T10:00:00.000Z', 7, { unauthorized: 2, malformed: 1 })],
    ['c', evidence('2025-06-03T10:00:00.000Z', 8, { unauthorized: 2 })],
    ['a', evidence('2025-06-01T10:00:00.000Z', 42, {})],
  ] as const;
  const files = runs.map(([name, doc]) => {
    mkdirSync(join(root, name));
    writeFileSync(join(root, name, 'evidence.json'), JSON.stringify(doc));
    return join(root, name, 'evidence.json');
  });

  it('builds evidence the evidence schema accepts', () => {
    for (const [, doc] of runs) expect(validateEvidence(doc)).toEqual([]);
  });

  it('orders runs by start time and gives rate, findings per suite and direction (json)', async () => {
    const r = await runCli(['trend', ...files, '--format', 'json'], process.env);
    expect(r.code).toBe(0);
    const trend = JSON.parse(r.out) as { runs: TrendRun[] };
    expect(trend.runs.map((run) => [run.seed, run.rejection.rate, run.totalFindings, run.direction])).toEqual([
      [42, 100, 0, 'first'],
      [7, 75, 3, 'regressed'],
      [8, 75, 2, 'improved'],
    ]);
    expect(trend.runs[1]!.findings).toMatchObject({ positive: 0, 'revoked-token': 0, unauthorized: 2, malformed: 1, rotation: 0 });
    expect(trend.runs[1]!.rejection).toMatchObject({ passed: 6, total: 8 });
  });

  it('renders markdown and text, and accepts reports folders', async () => {
    const md = await runCli(['trend', ...files, '--format', 'markdown'], process.env);
    expect(md.out.split('\n').filter((l) => l.startsWith('| 2025-'))).toEqual([
      '| 2025-06-01T10:00:00.000Z | 42 | 100% (8/8) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | — |',
      '| 2025-06-02T10:00:00.000Z | 7 | 75% (6/8) | 0 | 0 | 2 | 1 | 0 | 0 | 0 | 0 | ↓ regressed |',
      '| 2025-06-03T10:00:00.000Z | 8 | 75% (6/8) | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | ↑ improved |',
    ]);
    const text = await runCli(['trend', join(root, 'a'), join(root, 'b')], process.env);
    expect(text.out.split('\n')).toHaveLength(2);
    expect(text.out).toContain('↓ regressed');
    const bad = await runCli(['trend', files[0]!, '--format', 'xml'], process.env);
    expect(bad.code).toBe(2);
  });
});
