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

/** The property case for POST /orders' generated inputs, run with default settings against one regression. */
async function fuzzCreateOrder(regression: string, seed: number, replay?: { path: string }) {
  const target = await startTarget([regression]);
  close = target.close;
  const manifest = await loadManifest(REFERENCE_MANIFEST);
  const full = buildPlan(manifest, { seed, suites: ['positive'] });
  const plan = { ...full, cases: full.cases.filter((c) => c.id === 'createOrder/positive/generated-inputs') };
  const summary = await runCollecting({ manifest, plan, baseUrl: target.api.url, env: target.env, replayPath: replay?.path });
  return summary.results[0]!;
}

const shrunkBody = (counterexample: string | undefined) => JSON.parse(counterexample ?? 'null').body as { item: string; quantity: number };

describe('property cases find rare-input regressions and shrink them', () => {
  it.each([1, 2, 3])('a 500 on quantity > 900 is found with default runs and shrunk to the boundary 901 (seed %i)', async (seed) => {
    const result = await fuzzCreateOrder('large-quantity-500', seed);
    expect(result.status).toBe('failed');
    expect(result.findings.map((f) => f.checkId)).toContain('no-server-error');
    expect(shrunkBody(result.property?.counterexample).quantity).toBe(901);
    expect(result.property?.path).toMatch(/^\d+(:\d+)*$/);
  });

  it.each([1, 2, 3])('a 500 on a non-ASCII item is found and shrunk to one character (seed %i)', async (seed) => {
    const result = await fuzzCreateOrder('non-ascii-500', seed);
    expect(result.status).toBe('failed');
    const { item } = shrunkBody(result.property?.counterexample);
    expect([...item]).toHaveLength(1);
    expect(item.codePointAt(0)!).toBeGreaterThan(0x7f);
  });

  it('replays the shrunk failure exactly from its seed and path', async () => {
    const first = await fuzzCreateOrder('large-quantity-500', 4);
    await close?.();
    const replayed = await fuzzCreateOrder('large-quantity-500', 4, { path: first.property!.path! });
    expect(replayed.status).toBe('failed');
    expect(replayed.property?.counterexample).toBe(first.property?.counterexample);
    expect(replayed.property?.runs).toBeLessThanOrEqual(2);
  });

  it('holds on the hardened API', async () => {
    const target = await startTarget([]);
    close = target.close;
    const manifest = await loadManifest(REFERENCE_MANIFEST);
    const plan = buildPlan(manifest, { seed: 5, suites: ['positive', 'malformed'] });
    const summary = await runCollecting({ manifest, plan, baseUrl: target.api.url, env: target.env });
    expect(summary.results.filter((r) => r.status !== 'passed').map((r) => r.case.title)).toEqual([]);
    const properties = summary.results.filter((r) => r.case.fuzz);
    expect(properties.length).toBeGreaterThan(0);
    const runs = Object.fromEntries(properties.map((r) => [r.case.variant, r.property?.runs]));
    expect(runs).toEqual({ 'generated inputs': 50, 'schema violations': 50, 'hostile bodies': 10, 'hostile values': 50, 'malformed authorization headers': 20 });
  });
});
