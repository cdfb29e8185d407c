import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/manifest/loadManifest.ts';
import { buildPlan } from '../../src/plan/buildPlan.ts';
import { SUITES } from '../../src/plan/case.ts';
import { shardPlan } from '../../src/plan/shard.ts';
import { REFERENCE_MANIFEST, runCli, startTarget } from '../harness.ts';
import { readJUnitCases, validateJUnit } from '../junitXml.ts';
import { quietEnv, readEvidence, readReport, runAgainst, validateEvidence } from './reportRun.ts';

/** Count attributes of the root and every testsuite, by name. */
function counts(xml: string): Record<string, string> {
  return Object.fromEntries([...xml.matchAll(/<(testsuites?)\b([^>]*?)>/g)].map((m) => {
    const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[2]!)?.[1] ?? '-';
    return [`${m[1]} ${attr('name')}`, ['tests', 'failures', 'errors', 'skipped'].map(attr).join('/')];
  }));
}

describe('shardPlan (pure)', () => {
  it('splits a plan into disjoint shards that together hold every case once, in plan order, the same for any seed', async () => {
    const manifest = await loadManifest(REFERENCE_MANIFEST);
    const plan = buildPlan(manifest, { seed: 1, suites: [...SUITES], runs: 5 });
    const shards = [1, 2, 3].map((i) => shardPlan(plan, i, 3));
    const ids = shards.flatMap((s) => s.cases.map((c) => c.id));
    expect(ids.sort()).toEqual(plan.cases.map((c) => c.id).sort());
    for (const s of shards) {
      expect(s.cases.length).toBeGreaterThan(plan.cases.length / 10);
      const positions = s.cases.map((c) => plan.cases.indexOf(c));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    const other = buildPlan(manifest, { seed: 99, suites: [...SUITES], runs: 5 });
    expect(shardPlan(other, 2, 3).cases.map((c) => c.id)).toEqual(shards[1]!.cases.map((c) => c.id));
    // The rotation drill is one sequence with shared tokens: never split across shards.
    const withDrill = shards.filter((s) => s.cases.some((c) => c.rotation !== undefined));
    expect(withDrill.length).toBe(plan.tokens.rotation ? 1 : 0);
    expect(shards.map((s) => s.tokens.rotation)).toEqual(shards.map((s) => withDrill.includes(s)));
    expect(shardPlan(plan, 1, 1).cases).toEqual(plan.cases);
    expect(() => shardPlan(plan, 4, 3)).toThrow(RangeError);
  });
});

describe('harden run --shard i/n and harden merge', () => {
  it('gives, merged, the same counts and testcase names as the unsharded run', async () => {
    // A fresh API per run: a shard's DELETE must not change what another shard's reads see.
    const regressions = ['revoked-token-accepted'];
    const targets = await Promise.all([0, 1, 2, 3].map(() => startTarget(regressions)));
    try {
      const [whole, ...shards] = await Promise.all(targets.map((t, i) => runAgainst(t, i === 0 ? [] : ['--shard', `${i}/3`])));
      expect(whole!.code).toBe(1);
      const merged = mkdtempSync(join(tmpdir(), 'harden-merged-'));
      const merge = await runCli(['merge', ...shards.map((s) => s.reports), '--reports-dir', merged], quietEnv(process.env));
      expect(merge.code, merge.err).toBe(1);
      expect(merge.out).toMatch(/^merged 3 shards of orders-api \(seed 4242\): \d+ cases/m);

      const wholeXml = readReport(whole!.reports, 'junit.xml');
      const mergedXml = readReport(merged, 'junit.xml');
      expect(await validateJUnit(mergedXml)).toEqual([]);
      expect(counts(mergedXml)).toEqual(counts(wholeXml));
      const names = (xml: string) => readJUnitCases(xml).map((c) => `${c.classname} ${c.name} ${c.failure === undefined ? 'ok' : 'failed'}`);
      expect(names(mergedXml)).toEqual(names(wholeXml));

      const evidence = readEvidence(merged);
      expect(validateEvidence(evidence)).toEqual([]);
      expect(evidence.totals).toEqual(readEvidence(whole!.reports).totals);
      expect(evidence.scopeMatrix.endpoints).toEqual(readEvidence(whole!.reports).scopeMatrix.endpoints);
      expect(evidence.run.shards?.map((s) => `${s.index}/${s.count}`)).toEqual(['1/3', '2/3', '3/3']);
      for (const s of shards) expect(readEvidence(s.reports).cases.length).toBeLessThan(evidence.cases.length);

      const incomplete = await runCli(['merge', shards[0]!.reports, shards[2]!.reports, '--reports-dir', merged], quietEnv(process.env));
      expect(incomplete.code).toBe(2);
      expect(incomplete.err).toMatch(/shard 2\/3 is missing/);
    } finally {
      await Promise.all(targets.map((t) => t.close()));
    }
  });
});
