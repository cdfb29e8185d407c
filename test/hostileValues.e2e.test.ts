import { afterEach, describe, expect, it } from 'vitest';
import { loadManifest } from '../src/manifest/loadManifest.ts';
import { buildPlan } from '../src/plan/buildPlan.ts';
import { runCollecting } from './runCollecting.ts';
import { REFERENCE_MANIFEST, startTarget } from './harness.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** The malformed suite's hostile-values property on POST /orders, with default settings, against one regression. */
async function hostileCreateOrder(regressions: string[], seed: number, replay?: { path: string }) {
  const target = await startTarget(regressions);
  close = target.close;
  const manifest = await loadManifest(REFERENCE_MANIFEST);
  const full = buildPlan(manifest, { seed, suites: ['malformed'] });
  const plan = { ...full, cases: full.cases.filter((c) => c.id === 'createOrder/malformed/hostile-values') };
  expect(plan.cases).toHaveLength(1);
  const summary = await runCollecting({ manifest, plan, baseUrl: target.api.url, env: target.env, replayPath: replay?.path });
  return summary.results[0]!;
}

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe('hostile values inside valid bodies', () => {
  it('find a crash three levels deep within the default runs on 20 of 20 seeds, shrunk to that field and the simplest value', async () => {
    const found: string[] = [];
    for (const seed of SEEDS) {
      const result = await hostileCreateOrder(['deep-field-crash'], seed);
      await close?.();
      close = undefined;
      expect(result.status, `seed ${seed}`).toBe('failed');
      expect(result.findings.map((f) => f.checkId)).toContain('no-server-error');
      expect(result.property!.runs).toBeLessThanOrEqual(50);
      found.push(result.property!.counterexample!.split(': "')[0]!);
    }
    expect(new Set(found)).toEqual(new Set(['/shipping/address/floor: the number 2^53+1']));
  });

  it('replays the shrunk failure from its seed and path', async () => {
    const first = await hostileCreateOrder(['deep-field-crash'], 3);
    await close?.();
    const replayed = await hostileCreateOrder(['deep-field-crash'], 3, { path: first.property!.path! });
    expect(replayed.status).toBe('failed');
    expect(replayed.property?.counterexample).toBe(first.property?.counterexample);
    expect(replayed.property?.runs).toBeLessThanOrEqual(2);
  });

  it('hold on the hardened API: every hostile value is refused or, valid for its schema, served', async () => {
    const result = await hostileCreateOrder([], 5);
    expect(result.status).toBe('passed');
    expect(result.property?.runs).toBe(50);
  });
});
