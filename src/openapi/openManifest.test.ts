import { describe, expect, it } from 'vitest';
import { isOpenApiDocument } from './isOpenApiDocument.ts';
import { openManifest } from './openManifest.ts';
import { FIXTURES } from './testing.ts';

describe('openManifest (what the CLI loads)', () => {
  it('tells OpenAPI documents (YAML, JSON, 2.0) from manifests and unreadable files', async () => {
    expect(await isOpenApiDocument(`${FIXTURES}/reference-api.openapi.yaml`)).toBe(true);
    expect(await isOpenApiDocument(`${FIXTURES}/swagger-2.0.yaml`)).toBe(true);
    expect(await isOpenApiDocument('node_modules/@octokit/openapi/generated/api.github.com.json')).toBe(true);
    expect(await isOpenApiDocument('fixtures/reference-api/manifest.yaml')).toBe(false);
    expect(await isOpenApiDocument(`${FIXTURES}/no-such-file.yaml`)).toBe(false);
  });

  it('imports a document (with its overlay) and loads a manifest', async () => {
    const imported = await openManifest(`${FIXTURES}/reference-api.openapi.yaml`, `${FIXTURES}/reference-api.overlay.yaml`);
    const loaded = await openManifest('fixtures/reference-api/manifest.yaml');
    expect(imported.manifest.service).toBe(loaded.manifest.service);
    expect(imported.manifest.source).toBe(`${FIXTURES}/reference-api.openapi.yaml`);
    expect(loaded.warnings).toEqual([]);
    expect((await openManifest(`${FIXTURES}/swagger-2.0.yaml`)).warnings.length).toBeGreaterThan(0);
  });
});
