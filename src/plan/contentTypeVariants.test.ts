import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadManifest } from '../manifest/loadManifest.ts';
import { materialise } from '../run/materialise.ts';
import { createDispatcher } from '../transport/createDispatcher.ts';
import { sendRequest } from '../transport/sendRequest.ts';
import { buildPlan } from './buildPlan.ts';
import type { Case } from './case.ts';

const limits = { timeoutMs: 2_000, maxResponseBytes: 4096, concurrency: 1 };
let server: Server;
let base: URL;

beforeAll(async () => {
  // Echoes the request's header lines as received, one pair per line, so duplicates stay visible.
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(req.rawHeaders));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function variants(): Promise<Map<string, Case>> {
  const manifest = await loadManifest('fixtures/reference-api/manifest.yaml');
  const cases = buildPlan(manifest, { seed: 7, suites: ['malformed'] }).cases.filter((c) => c.endpointId === 'createOrder');
  return new Map(cases.map((c) => [c.variant, c]));
}

/** The Content-Type field lines the server received for a case, in order. */
async function contentTypeLines(c: Case): Promise<string[]> {
  const tokens = { live: new Map([['orders:write', { value: 'tok' }]]), forged: new Map() } as never;
  const dispatcher = createDispatcher(limits);
  try {
    const exchange = await sendRequest(dispatcher, materialise(c, base, tokens), limits);
    const raw = JSON.parse(exchange.response!.body) as string[];
    return raw.flatMap((name, i) => (i % 2 === 0 && name.toLowerCase() === 'content-type' ? [raw[i + 1]!] : []));
  } finally {
    await dispatcher.close();
  }
}

describe('content-type variants', () => {
  it('send each label on the wire as planned: a foreign charset, an unknown parameter, a +json type, none, and two lines', async () => {
    const cases = await variants();
    expect(await contentTypeLines(cases.get('content type with charset utf-16')!)).toEqual(['application/json; charset=utf-16']);
    expect(await contentTypeLines(cases.get('content type with an unknown parameter')!)).toEqual(['application/json; harden-probe=1']);
    expect(await contentTypeLines(cases.get('undocumented +json content type')!)).toEqual(['application/vnd.evil+json']);
    expect(await contentTypeLines(cases.get('no content type')!)).toEqual([]);
    expect(await contentTypeLines(cases.get('duplicated content type')!)).toEqual(['text/plain', 'application/json']);
  });

  it('send the documented, valid body every time', async () => {
    for (const c of (await variants()).values()) {
      if (!/content type/.test(c.variant)) continue;
      expect(JSON.parse(c.request.body!.text)).toEqual({ item: 'widget', quantity: 2 });
    }
  });

  it('expect a documented success or the refusal the RFCs allow, never a 5xx, and are not sent twice', async () => {
    const cases = await variants();
    const statuses = (variant: string) => [...cases.get(variant)!.expect.statuses].sort();
    expect(statuses('content type with charset utf-16')).toEqual([201, 400, 415]);
    expect(statuses('content type with an unknown parameter')).toEqual([201, 415]);
    expect(statuses('undocumented +json content type')).toEqual([201, 415]);
    expect(statuses('no content type')).toEqual([201, 415]);
    expect(statuses('duplicated content type')).toEqual([201, 400, 415]);
    for (const c of cases.values()) if (/content type/.test(c.variant) && c.variant !== 'wrong content type') expect(c.repeat).toBe(false);
  });
});
