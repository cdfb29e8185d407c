import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHardenError, HardenError } from '../errors.ts';
import { importOpenApi } from './importOpenApi.ts';
import { FIXTURES, importFixture } from './testing.ts';

const REFERENCE = `${FIXTURES}/reference-api.openapi.yaml`;

function overlayFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'harden-overlay-')), 'overlay.yaml');
  writeFileSync(file, text);
  return file;
}

async function failure(document: string, overlay?: string): Promise<string> {
  try {
    await importOpenApi(document, overlay);
  } catch (error) {
    if (error instanceof HardenError) return formatHardenError(error);
    throw error;
  }
  throw new Error('imported without error');
}

describe('overlay', () => {
  it('a broken overlay gets its stored message: file:line:column, pointer and what to do', async () => {
    const expected = readFileSync(`${FIXTURES}/broken.overlay.expected.txt`, 'utf8').trim();
    const actual = (await failure(REFERENCE, `${FIXTURES}/broken.overlay.yaml`)).split(`${FIXTURES}/`).join('');
    expect(actual).toBe(expected);
  });

  it('an empty overlay, a missing one and one without `harden: 1` are refused with a located reason', async () => {
    expect(await failure(REFERENCE, overlayFile('# nothing\n'))).toMatch(/overlay.yaml:1:1: the file is empty/);
    expect(await failure(REFERENCE, `${FIXTURES}/no-such.overlay.yaml`)).toMatch(/Cannot read the overlay .*no-such.overlay.yaml: no such file/);
    expect(await failure(REFERENCE, overlayFile('service: x\n'))).toMatch(/overlay.yaml:1:1 at \/: missing required key "harden" \(add `harden: 1` at the top\)/);
  });

  it('sets service, baseUrl, realm, query-token policy, owners, limits and error overrides', async () => {
    const { manifest } = await importFixture('reference-api.openapi.yaml', 'reference-api.overlay.yaml');
    expect(manifest).toMatchObject({ service: 'orders-api', baseUrl: 'http://127.0.0.1:8080', exposure: 'loopback', limits: { maxBodyBytes: 65536 } });
    expect(manifest.auth).toMatchObject({ realm: 'orders-api', allowQueryToken: false, scopes: { 'orders:admin': { owner: 'team-platform', description: 'delete orders and read the audit log' } } });
    expect(manifest.errors.volatile).toEqual(['instance', 'traceId']);
    const other = await importOpenApi(REFERENCE, overlayFile('harden: 1\nservice: shop\nbaseUrl: http://localhost:1234/api\nauth: { allowQueryToken: true }\nerrors: { statuses: { invalid: [400, 422] } }\n'));
    expect(other.manifest).toMatchObject({ service: 'shop', baseUrl: 'http://localhost:1234/api', auth: { allowQueryToken: true }, errors: { statuses: { invalid: [400, 422], malformedJson: [400, 422] } } });
  });

  it('excludes operations by operationId, endpoint id or "METHOD /path", and puts example values first', async () => {
    const overlay = overlayFile(['harden: 1', 'exclude: [issueToken, "DELETE /auth/tokens/{id}", readAudit]', 'examples:', '  deleteOrder: { id: 11111111-2222-4333-8444-555555555555 }', '  getOrder: { id: 3f2b8c1e-9a4d-4e2b-8f6a-1c2d3e4f5a6b }', ''].join('\n'));
    const { manifest, warnings } = await importOpenApi(REFERENCE, overlay);
    expect(manifest.endpoints.map((e) => e.id)).toEqual(['health', 'listOrders', 'createOrder', 'getOrder', 'updateOrder', 'deleteOrder']);
    const params = (id: string) => manifest.endpoints.find((e) => e.id === id)?.params.id;
    expect(params('deleteOrder')).toMatchObject({ examples: ['11111111-2222-4333-8444-555555555555'] });
    // The same value in the document and the overlay is kept once.
    expect(params('getOrder')).toMatchObject({ examples: ['3f2b8c1e-9a4d-4e2b-8f6a-1c2d3e4f5a6b'] });
    expect(warnings.filter((w) => w.construct === 'overlay')).toContainEqual(expect.objectContaining({ message: expect.stringContaining('auth.tokens') }));
  });

  it('names an exclude or examples entry that matches no operation, with where it is and the closest name', async () => {
    const overlay = overlayFile('harden: 1\nexclude: [getOrdr]\nexamples:\n  nothing: { id: 1 }\n  getOrder: { oid: 1 }\n');
    const { warnings, manifest } = await importOpenApi(REFERENCE, overlay);
    expect(manifest.endpoints.some((e) => e.id === 'getOrder')).toBe(true);
    const messages = warnings.map((w) => w.message);
    expect(messages).toContainEqual(expect.stringMatching(/overlay\.yaml:2:11 at \/exclude\/0: exclude names "getOrdr", which is no operation of the document; did you mean "getOrder"\?/));
    expect(messages).toContainEqual(expect.stringMatching(/overlay\.yaml:4:3 at \/examples\/nothing: examples names "nothing"/));
    expect(messages).toContainEqual('examples.getOrder.oid names no path parameter of /orders/{id}; it is ignored.');
  });

  it('points a manifest rule broken by the overlay back at the overlay line', async () => {
    const overlay = overlayFile(['harden: 1', 'auth:', '  tokens:', '    provider: static', '    tokens:', '      - { scopes: [orders:reed], env: READ_TOKEN }', ''].join('\n'));
    const message = await failure(REFERENCE, overlay);
    expect(message).toMatch(/^The manifest imported from .*reference-api.openapi.yaml with the overlay .*overlay.yaml has 1 problem; nothing was sent/);
    expect(message).toMatch(/overlay\.yaml:6:20 at \/auth\/tokens\/tokens\/0\/scopes\/0: scope "orders:reed" is not in the catalogue/);
  });

  it('takes an error schema whose $refs point into the document', async () => {
    const overlay = overlayFile('harden: 1\nerrors: { contentType: application/json, schema: { $ref: "#/components/schemas/Problem" }, statusMember: status }\n');
    const { manifest } = await importOpenApi(REFERENCE, overlay);
    expect(manifest.errors).toMatchObject({ contentType: 'application/json', schema: { $ref: '#/schemas/Problem' }, statusMember: 'status' });
    expect(Object.keys(manifest.schemas)).toContain('Problem');
  });
});
