import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipBombLength } from '../../fixtures/hostile-server/gzipBomb.ts';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile-server/server.ts';
import { createDispatcher } from '../../src/transport/createDispatcher.ts';
import type { TransportLimits } from '../../src/model/limits.ts';
import { sendRequest } from '../../src/transport/sendRequest.ts';
import { MEMORY_BOUND_BYTES, TIGHT } from './limits.ts';

let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer();
  await send('/ok', TIGHT); // warm the dispatcher code paths, so the baseline is not a first-use cost
});
afterAll(() => server.close());

async function send(path: string, limits: TransportLimits) {
  const dispatcher = createDispatcher(limits);
  try {
    return await sendRequest(dispatcher, { method: 'GET', url: server.url + path, headers: {} }, limits);
  } finally {
    await dispatcher.destroy();
  }
}

/** Largest growth of rss and heapUsed over a baseline while `work` runs, sampled every 5 ms. */
async function peakGrowth(work: () => Promise<unknown>): Promise<{ rss: number; heap: number }> {
  const base = process.memoryUsage();
  const peak = { rss: 0, heap: 0 };
  const sample = () => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss - base.rss);
    peak.heap = Math.max(peak.heap, now.heapUsed - base.heapUsed);
  };
  const timer = setInterval(sample, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
    sample();
  }
  return peak;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

describe('memory stays bounded whatever the server sends', () => {
  // The server runs in this process too, so its side of each flood is measured with the client's.
  it.each([
    ['/huge-body', 'a 1 GiB body'],
    ['/gzip-bomb', 'a gzip bomb (1 GiB inflated)'],
  ])(`%s (%s), three times in a row: growth under ${mib(MEMORY_BOUND_BYTES)}`, async (path) => {
    const growth = await peakGrowth(async () => {
      for (let i = 0; i < 3; i++) expect((await send(path, TIGHT)).failure?.kind).toBe('too-large');
    });
    console.log(`memory growth for ${path} at a ${mib(TIGHT.maxResponseBytes)} cap: rss ${mib(growth.rss)}, heap ${mib(growth.heap)}`);
    expect(growth.rss).toBeLessThan(MEMORY_BOUND_BYTES);
    expect(growth.heap).toBeLessThan(MEMORY_BOUND_BYTES);
  });

  it('with the default 1 MiB cap, reads the gzip bomb whole as about 1 MiB of compressed bytes, never inflating it', async () => {
    const roomy = { ...TIGHT, maxResponseBytes: 2 * 1024 * 1024 };
    const growth = await peakGrowth(async () => {
      const e = await send('/gzip-bomb', roomy);
      expect(e.failure).toBeUndefined();
      expect(e.response?.bodyBytes).toBe(gzipBombLength());
      expect(e.response?.headers['content-encoding']).toBe('gzip');
    });
    console.log(`memory growth reading the whole gzip bomb (${gzipBombLength()} bytes): rss ${mib(growth.rss)}, heap ${mib(growth.heap)}`);
    expect(growth.rss).toBeLessThan(MEMORY_BOUND_BYTES);
  });
});
