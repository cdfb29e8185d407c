import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/manifest/loadManifest.ts';
import type { Manifest } from '../../src/manifest/types.ts';
import { importOpenApi, type ImportWarning } from '../../src/openapi/importOpenApi.ts';
import { buildPlan } from '../../src/plan/buildPlan.ts';
import type { Plan } from '../../src/plan/case.ts';
import { runCollecting } from '../runCollecting.ts';
import { REFERENCE_MANIFEST, startTarget } from '../harness.ts';

const DOCUMENT = 'fixtures/openapi/reference-api.openapi.yaml';
const OVERLAY = 'fixtures/openapi/reference-api.overlay.yaml';

/** Cases keyed by id: the OpenAPI document orders operations by path, the manifest by hand. */
const byId = (plan: Plan) => new Map(plan.cases.map((c) => [c.id, c]));

describe('the reference API imported from OpenAPI 3.1 + overlay', () => {
  let imported: { manifest: Manifest; warnings: ImportWarning[] };
  let reference: Manifest;
  beforeAll(async () => {
    imported = await importOpenApi(DOCUMENT, OVERLAY);
    reference = await loadManifest(REFERENCE_MANIFEST);
  });

  it('imports without a warning', () => {
    expect(imported.warnings).toEqual([]);
    expect(imported.manifest.source).toBe(DOCUMENT);
  });

  it('plans the same cases as the hand-written manifest: ids, titles, expectations, and (same schemas) the same requests', () => {
    const ours = byId(buildPlan(imported.manifest, { seed: 42 }));
    const theirs = byId(buildPlan(reference, { seed: 42 }));
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [id, expected] of theirs) {
      const actual = ours.get(id)!;
      expect({ title: actual.title, expect: actual.expect }, id).toEqual({ title: expected.title, expect: expected.expect });
      expect({ request: actual.request, credential: actual.credential, generated: actual.generated }, id).toEqual({ request: expected.request, credential: expected.credential, generated: expected.generated });
    }
  });

  it('describes the same API: contract, catalogue, schemas and endpoints', () => {
    const { source: _a, sha256: _b, endpoints: ours, ...rest } = imported.manifest;
    const { source: _c, sha256: _d, endpoints: theirs, ...expected } = reference;
    expect(rest).toEqual(expected);
    const strip = ({ line: _l, ...e }: Manifest['endpoints'][number]) => e;
    expect(ours.map(strip).sort((a, b) => a.id.localeCompare(b.id))).toEqual(theirs.map(strip).sort((a, b) => a.id.localeCompare(b.id)));
  });

  describe('run end to end against the reference API', () => {
    let target: Awaited<ReturnType<typeof startTarget>>;
    beforeAll(async () => {
      target = await startTarget();
    });
    afterAll(() => target.close());

    it('passes every case', async () => {
      const plan = buildPlan(imported.manifest, { seed: 7 });
      const summary = await runCollecting({ manifest: imported.manifest, plan, baseUrl: target.api.url, env: target.env });
      const broken = summary.results.filter((r) => r.status !== 'passed').map((r) => `${r.case.title}: ${r.findings.map((f) => f.message).join('; ')}${r.failure ? r.failure.message : ''}`);
      expect(broken).toEqual([]);
      expect(summary.totals.failed === 0 && summary.totals.errors === 0).toBe(true);
      expect(summary.totals.passed).toBe(plan.cases.length);
    });
  });
});
