import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOpenApi } from './importOpenApi.ts';
import { FIXTURES } from './testing.ts';

describe('an overlay configures what APIs legitimately differ in', () => {
  it('carries disclosure, cors and gate into the manifest', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'harden-overlay-')), 'overlay.yaml');
    writeFileSync(file, 'harden: 1\ndisclosure: { allowHeaders: [Server] }\ncors: { allowedOrigins: ["https://app.example.com"], credentials: true }\ngate: { require: [revoked-token] }\n');
    const { manifest } = await importOpenApi(`${FIXTURES}/reference-api.openapi.yaml`, file);
    expect(manifest.disclosure).toEqual({ allowHeaders: ['server'] });
    expect(manifest.cors).toMatchObject({ allowedOrigins: ['https://app.example.com'], credentials: true });
    expect(manifest.gate).toEqual({ require: ['revoked-token'] });
  });
});
