import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile-server/server.ts';
import { gzipBombLength } from '../../fixtures/hostile-server/gzipBomb.ts';
import { HUGE_BODY_BYTES } from '../../fixtures/hostile-server/routes.ts';
import { createDispatcher } from '../../src/transport/createDispatcher.ts';
import type { Exchange } from '../../src/model/exchange.ts';
import { sendRequest } from '../../src/transport/sendRequest.ts';
import { SLACK_MS, TIGHT } from './limits.ts';

let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(() => server.close());

/** One request on a fresh dispatcher, as the harness sends it: bounded by TIGHT, token in the header. */
async function send(path: string): Promise<Exchange> {
  const dispatcher = createDispatcher(TIGHT);
  try {
    return await sendRequest(dispatcher, { method: 'GET', url: server.url + path, headers: { authorization: 'Bearer hostile-test-token' } }, TIGHT);
  } finally {
    await dispatcher.destroy();
  }
}

const withinDeadline = (e: Exchange) => expect(e.durationMs).toBeLessThan(TIGHT.timeoutMs + SLACK_MS);
const quick = (e: Exchange) => expect(e.durationMs).toBeLessThan(SLACK_MS);

describe('sendRequest against a hostile server', () => {
  it('a server that never answers: timeout at the deadline', async () => {
    const e = await send('/hang');
    expect(e.failure).toMatchObject({ kind: 'timeout', message: `no complete answer within ${TIGHT.timeoutMs} ms` });
    expect(e.response).toBeUndefined();
    expect(e.durationMs).toBeGreaterThanOrEqual(TIGHT.timeoutMs - 50);
    withinDeadline(e);
  });

  it('headers, then a stalled body: timeout, saying what had arrived', async () => {
    const e = await send('/stall-body');
    expect(e.failure).toMatchObject({ kind: 'timeout', message: `no complete answer within ${TIGHT.timeoutMs} ms; the status line and headers had arrived (200), then 23 body bytes` });
    expect(e.response).toBeUndefined();
    withinDeadline(e);
  });

  it('a body that drips a byte at a time: timeout at the whole-request deadline, not never', async () => {
    const e = await send('/drip');
    expect(e.failure?.kind).toBe('timeout');
    expect(e.failure?.message).toMatch(/headers had arrived \(200\), then \d body bytes/);
    withinDeadline(e);
  });

  it('a reset connection: connection-reset at once', async () => {
    const e = await send('/reset');
    expect(e.failure).toMatchObject({ kind: 'connection-reset', code: 'ECONNRESET' });
    quick(e);
  });

  it('bytes that are not HTTP: protocol at once', async () => {
    const e = await send('/garbage');
    expect(e.failure?.kind).toBe('protocol');
    expect(e.failure?.message).toMatch(/^the answer is not valid HTTP\/1\.1/);
    quick(e);
  });

  it('a 1 GiB body: cut at the cap, too-large, and the server stops sending when the client leaves', async () => {
    const e = await send('/huge-body');
    expect(e.failure).toMatchObject({ kind: 'too-large', code: 'RESPONSE_OVER_CAP' });
    expect(e.failure?.message).toBe(`the 200 body passed the ${TIGHT.maxResponseBytes}-byte response cap (it announced ${HUGE_BODY_BYTES} bytes); the rest was not read`);
    expect(e.response).toBeUndefined();
    quick(e);
    // Socket buffers hold a few MiB at most; the rest of the gigabyte is never produced.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.sent.get('/huge-body')).toBeLessThan(64 * 1024 * 1024);
  });

  it('thousands of headers: protocol (header overflow) at once', async () => {
    const e = await send('/huge-headers');
    expect(e.failure).toEqual({ kind: 'protocol', code: 'UND_ERR_HEADERS_OVERFLOW', message: `the response headers exceed the ${TIGHT.maxHeaderBytes}-byte limit` });
    quick(e);
  });

  it('invalid JSON under a JSON content type: an answer, left for the checks to judge', async () => {
    const e = await send('/bad-json');
    expect(e.failure).toBeUndefined();
    expect(e.response).toMatchObject({ status: 200, truncated: false, headers: { 'content-type': 'application/json' } });
    expect(() => JSON.parse(e.response!.body)).toThrow();
  });

  it('a gzip bomb: not decompressed; its compressed megabyte passes the cap, so too-large', async () => {
    const e = await send('/gzip-bomb');
    expect(e.failure).toMatchObject({
      kind: 'too-large',
      message: `the 200 body passed the ${TIGHT.maxResponseBytes}-byte response cap (it announced ${gzipBombLength()} bytes; content-encoding gzip, not decoded); the rest was not read`,
    });
    quick(e);
    // Read whole under a roomier cap, the body is the compressed bytes (gzip's magic number), not a gigabyte of zeros.
    const roomy = { ...TIGHT, maxResponseBytes: 2 * 1024 * 1024 };
    const dispatcher = createDispatcher(roomy);
    try {
      const whole = await sendRequest(dispatcher, { method: 'GET', url: `${server.url}/gzip-bomb`, headers: {} }, roomy);
      expect(whole.response).toMatchObject({ status: 200, bodyBytes: gzipBombLength(), headers: { 'content-encoding': 'gzip' } });
      expect(whole.response!.body.charCodeAt(0)).toBe(0x1f);
    } finally {
      await dispatcher.destroy();
    }
  });

  it('a redirect to another origin: the 307 is the answer, and nothing reaches the other origin', async () => {
    const e = await send('/redirect-other');
    expect(e.response).toMatchObject({ status: 307, headers: { location: `${server.elsewhere.url}/stolen` } });
    expect(e.failure).toBeUndefined();
    expect(server.elsewhere.received).toEqual([]);
  });

  it('a redirect to itself forever: one 302, sent once', async () => {
    const count = () => server.requests.filter((r) => r.path === '/redirect-loop').length;
    const before = count();
    const e = await send('/redirect-loop');
    expect(e.response?.status).toBe(302);
    expect(count()).toBe(before + 1);
  });

  it('a plain 200 still works on the same server', async () => {
    const e = await send('/ok');
    expect(e.response).toMatchObject({ status: 200, body: '{"ok":true}' });
  });
});
