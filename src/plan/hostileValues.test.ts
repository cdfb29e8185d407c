import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../manifest/loadManifest.ts';
import { HOSTILE_VALUES } from './arbitraries/hostileValue.ts';
import { buildPlan } from './buildPlan.ts';
import { fuzzArbitrary, fuzzCase } from './fuzz.ts';
import { hostileBodyArbitrary, hostileExpectation, hostileFields } from './hostileValues.ts';

const manifest = await loadManifest('fixtures/reference-api/manifest.yaml');
const createOrder = manifest.endpoints.find((e) => e.id === 'createOrder')!;
const base = { item: 'widget', quantity: 2 };
const bodies = (seed: number, numRuns = 200) => fc.sample(hostileBodyArbitrary(createOrder, manifest, base, seed)!, { seed, numRuns });

describe('hostile values inside valid bodies', () => {
  it('reach every declared field, three levels deep included, and weigh deeper ones more', () => {
    const fields = hostileFields(createOrder.body!, manifest);
    expect(fields.map((f) => `/${f.path.join('/')}`)).toEqual(['/item', '/quantity', '/note', '/shipping', '/shipping/address', '/shipping/address/city', '/shipping/address/floor']);
    expect(fields.find((f) => f.path.length === 3)!.weight).toBeGreaterThan(fields[0]!.weight);
  });

  it('change exactly one field: the rest of the body is valid, the missing objects on the way drawn from their schema', () => {
    for (const body of bodies(3)) {
      const [pointer] = body.label.split(': ');
      const parsed = JSON.parse(body.text) as Record<string, unknown>;
      expect(parsed.item === 'widget' || pointer === '/item').toBe(true);
      expect(parsed.quantity === 2 || pointer === '/quantity').toBe(true);
      if (pointer === '/shipping/address/floor') expect(typeof (parsed.shipping as { address: { city: unknown } }).address.city).toBe('string');
    }
  });

  it('write values JavaScript cannot stringify as JSON text: 2^53+1, 1e400, a lone surrogate', () => {
    const texts = bodies(9, 400).map((b) => b.text);
    expect(texts.some((t) => t.includes('9007199254740993'))).toBe(true);
    expect(texts.some((t) => t.includes(':1e400'))).toBe(true);
    expect(texts.some((t) => t.includes('"\\ud800"'))).toBe(true);
    expect(texts.some((t) => t.includes('{"__proto__":{"polluted":true}}'))).toBe(true);
  });

  it('allow a documented success only where the schema takes the value (a NUL in a free string), else the refusal', () => {
    const all = bodies(5, 400);
    const nul = all.find((b) => b.label === `/item: ${HOSTILE_VALUES[0]!.label}`)!;
    expect(nul.valid).toBe(true);
    expect(hostileExpectation(createOrder, manifest, nul)).toMatchObject({ outcome: 'accept', statuses: expect.arrayContaining([201, 400]) });
    const huge = all.find((b) => b.label === '/quantity: the number 1e400 (past any double)')!;
    expect(huge.valid).toBe(false);
    expect(hostileExpectation(createOrder, manifest, huge)).toMatchObject({ outcome: 'reject', statuses: [400] });
    const big = all.find((b) => b.label.endsWith('a 1 MB string'))!;
    expect(hostileExpectation(createOrder, manifest, big).statuses).toEqual([400, 413]);
  });

  it('are one property case per body in the malformed suite, the same samples for the same seed', () => {
    const plan = buildPlan(manifest, { seed: 11, suites: ['malformed'] });
    const cases = plan.cases.filter((c) => c.variant === 'hostile values');
    expect(cases.map((c) => c.endpointId).sort()).toEqual(['createOrder', 'updateOrder']);
    const c = cases.find((x) => x.endpointId === 'createOrder')!;
    expect(c.fuzz).toEqual({ generator: 'hostile-values', runs: 50 });
    const draw = () => fc.sample(fuzzArbitrary(manifest, createOrder, c), { seed: c.seed, numRuns: 30 }).map((s) => fuzzCase(manifest, createOrder, c, s).request.body!.text.slice(0, 300));
    expect(draw()).toEqual(draw());
  });
});
