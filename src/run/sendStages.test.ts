import { describe, expect, it } from 'vitest';
import { loadManifest } from '../manifest/loadManifest.ts';
import { buildPlan } from '../plan/buildPlan.ts';
import { sendStages } from './sendStages.ts';

describe('sendStages', () => {
  it('refusals, then reads, then writes, then deletes: each case once, plan order within a stage', async () => {
    const manifest = await loadManifest('fixtures/reference-api/manifest.yaml');
    const { cases } = buildPlan(manifest, { seed: 3 });
    const stages = sendStages(cases);
    expect(stages.flat().sort((a, b) => a - b)).toEqual(cases.map((_, i) => i));
    const kind = (i: number) => {
      const c = cases[i]!;
      return c.expect.outcome === 'reject' ? 'refusal' : ['GET', 'HEAD', 'OPTIONS'].includes(c.request.method) ? 'read' : c.request.method === 'DELETE' ? 'delete' : 'write';
    };
    expect(stages.map((stage) => [...new Set(stage.map(kind))])).toEqual([['refusal'], ['read'], ['write'], ['delete']]);
    for (const stage of stages) expect(stage).toEqual([...stage].sort((a, b) => a - b));
  });

  it('leaves out what is not included, and drops empty stages', async () => {
    const manifest = await loadManifest('fixtures/reference-api/manifest.yaml');
    const { cases } = buildPlan(manifest, { seed: 3 });
    const deletes = (i: number) => cases[i]!.request.method === 'DELETE' && cases[i]!.expect.outcome !== 'reject';
    const stages = sendStages(cases, deletes);
    expect(stages).toHaveLength(1);
    expect(stages[0]!.length).toBeGreaterThan(0);
    expect(stages[0]!.every(deletes)).toBe(true);
  });
});
