import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/manifest/types.ts';
import { importOpenApi, type ImportWarning } from '../../src/openapi/importOpenApi.ts';
import { toManifestYaml } from '../../src/openapi/toManifestYaml.ts';
import { buildPlan } from '../../src/plan/buildPlan.ts';

// GitHub's REST description (OpenAPI 3.0, ~1,200 operations, ~900 schemas, 13 MB), shipped in a
// devDependency rather than committed.
const DOCUMENT = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');

/**
 * Planning every body of this document takes the planner about a minute (arrays with maxItems 5000
 * are expensive to violate), so the default run plans every endpoint without a body and every
 * tenth with one. HARDEN_OPENAPI_FULL_PLAN=1 plans the whole manifest in one call.
 */
const FULL = process.env.HARDEN_OPENAPI_FULL_PLAN === '1';

describe('a large real document: GitHub REST', () => {
  let manifest: Manifest;
  let warnings: ImportWarning[];
  beforeAll(async () => {
    ({ manifest, warnings } = await importOpenApi(DOCUMENT));
  }, 60_000);

  it('imports every operation into a manifest that passed validation', () => {
    expect(manifest.endpoints.length).toBeGreaterThan(1000);
    expect(Object.keys(manifest.schemas).length).toBeGreaterThan(300);
    expect(new Set(manifest.endpoints.map((e) => e.id)).size).toBe(manifest.endpoints.length);
    expect(manifest.endpoints.find((e) => e.id === 'repos.get')).toMatchObject({ method: 'GET', path: '/repos/{owner}/{repo}', public: true });
    expect(manifest.errors).toMatchObject({ contentType: 'application/json', schema: { $ref: '#/schemas/basic-error' } });
  });

  it('reports what it could not map as warnings with a construct, most of them per operation', () => {
    expect(warnings.length).toBeGreaterThan(0);
    for (const warning of warnings) expect(warning.construct.length, warning.message).toBeGreaterThan(0);
    expect(warnings.filter((w) => w.operation !== undefined).length).toBeGreaterThan(warnings.length / 2);
    expect(warnings).toContainEqual(expect.objectContaining({ construct: 'webhooks' }));
  });

  it('writes a manifest file of it', () => {
    expect(toManifestYaml(manifest)).toMatch(/^ {2}- id: repos\.get$/m);
  });

  it.skipIf(FULL)('plans every suite for every endpoint without a body and a tenth of those with one', () => {
    const withBody = manifest.endpoints.filter((e) => e.body !== undefined);
    const endpoints = manifest.endpoints.filter((e) => e.body === undefined || withBody.indexOf(e) % 10 === 0);
    const plan = buildPlan({ ...manifest, endpoints }, { seed: 1 });
    // The exposure suite's one case belongs to the listener, not to an endpoint.
    expect(new Set(plan.cases.filter((c) => !c.exposure).map((c) => c.endpointId)).size).toBe(endpoints.length);
  });

  it.runIf(FULL)('plans every suite for every endpoint', () => {
    const plan = buildPlan(manifest, { seed: 1 });
    expect(new Set(plan.cases.filter((c) => !c.exposure).map((c) => c.endpointId)).size).toBe(manifest.endpoints.length);
  }, 600_000);
});
