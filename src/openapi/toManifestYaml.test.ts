import { describe, expect, it } from 'vitest';
import { loadManifest } from '../manifest/loadManifest.ts';
import { parseManifest } from '../manifest/parseManifest.ts';
import type { Manifest } from '../manifest/types.ts';
import { toManifestYaml } from './toManifestYaml.ts';
import { importFixture } from './testing.ts';

/** What describes the file rather than the API: differs between a manifest and its re-written copy. */
const content = ({ source: _s, sha256: _h, warnings: _w, ...rest }: Manifest) => ({ ...rest, endpoints: rest.endpoints.map(({ line: _l, ...e }) => e) });

describe('toManifestYaml', () => {
  it('writes a manifest that loads back to the same Manifest (imported and hand-written alike)', async () => {
    const manifests = [
      (await importFixture('reference-api.openapi.yaml', 'reference-api.overlay.yaml')).manifest,
      (await importFixture('nullable-3.0.yaml')).manifest,
      (await importFixture('circular-schemas.yaml')).manifest,
      (await importFixture('swagger-2.0.yaml')).manifest,
      (await importFixture('security-schemes.yaml')).manifest,
      await loadManifest('fixtures/reference-api/manifest.yaml'),
      // Approvals and environment profiles are policy: a round trip keeps them.
      await loadManifest('fixtures/manifests/environments/approved.yaml'),
      await loadManifest('fixtures/reference-api/manifest.jwt.yaml'),
    ];
    for (const manifest of manifests) {
      const text = toManifestYaml(manifest);
      expect(content(parseManifest(text, 'written.yaml')), manifest.service).toEqual(content(manifest));
    }
  });

  it('is stable: the same Manifest gives the same bytes, in the README order of keys', async () => {
    const { manifest } = await importFixture('reference-api.openapi.yaml', 'reference-api.overlay.yaml');
    const text = toManifestYaml(manifest);
    expect(toManifestYaml(structuredClone(manifest))).toBe(text);
    const topKeys = text.split('\n').filter((l) => /^[A-Za-z]+:/.test(l)).map((l) => l.split(':')[0]);
    expect(topKeys).toEqual(['harden', 'service', 'baseUrl', 'exposure', 'auth', 'errors', 'limits', 'endpoints', 'schemas']);
    expect(text).toMatch(/^# Endpoint manifest imported from reference-api.openapi.yaml/);
    expect(text).toContain('    issue:\n      method: POST\n      path: /auth/tokens\n');
    expect(text).toContain('  schema: rfc9457\n');
    // No YAML anchors or aliases, even where the Manifest shares objects.
    expect(text).not.toMatch(/(^|[\s:[{,-])[&*][A-Za-z0-9]/m);
  });
});
