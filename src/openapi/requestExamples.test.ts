import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOpenApi } from './importOpenApi.ts';
import { FIXTURES } from './testing.ts';

const REFERENCE = `${FIXTURES}/reference-api.openapi.yaml`;

function overlayFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'harden-overlay-')), 'overlay.yaml');
  writeFileSync(file, text);
  return file;
}

describe('request examples from the document and the overlay', () => {
  it('carries the media type example and Example Objects into the body schema, in document order', async () => {
    const { manifest } = await importOpenApi(REFERENCE);
    const body = (id: string) => manifest.endpoints.find((e) => e.id === id)!.body as { examples?: unknown[] };
    expect(body('createOrder').examples).toEqual([{ item: 'widget', quantity: 2 }]);
    expect(body('updateOrder').examples).toEqual([{ quantity: 3 }]);
  });

  it("puts the overlay's body first and copies its pinned fields to the manifest", async () => {
    const overlay = overlayFile('harden: 1\nbodies:\n  createOrder: { item: gadget, quantity: 1 }\nfields:\n  item: { enum: [gadget, widget] }\n');
    const { manifest, warnings } = await importOpenApi(REFERENCE, overlay);
    expect((manifest.endpoints.find((e) => e.id === 'createOrder')!.body as { examples: unknown[] }).examples).toEqual([{ item: 'gadget', quantity: 1 }, { item: 'widget', quantity: 2 }]);
    expect(manifest.fields).toEqual({ item: { enum: ['gadget', 'widget'] } });
    expect(warnings.filter((w) => /bodies|fields/.test(w.message))).toEqual([]);
  });

  it('warns, naming the overlay line, when bodies names no operation', async () => {
    const overlay = overlayFile('harden: 1\nbodies:\n  createOrdr: { item: gadget }\n');
    const { warnings } = await importOpenApi(REFERENCE, overlay);
    expect(warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/overlay\.yaml:3:\d+ at \/bodies\/createOrdr: bodies names "createOrdr", which is no operation of the document; did you mean "createOrder"\?/));
  });
});
