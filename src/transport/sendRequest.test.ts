import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from './createDispatcher.ts';
import { sendRequest } from './sendRequest.ts';

const limits = { timeoutMs: 500, maxResponseBytes: 1024, concurrency: 2 };
let server: Server;
let base: string;

beforeAll(async () => {
  // A deliberately misbehaving server: each route breaks one rule a well-behaved API keeps.
  server = createServer((req, res) => {
    if (req.url === '/hang') return; // never answers
    if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 64 && res.write(chunk)) sent++;
        if (sent < 64) res.once('drain', pump);
        else res.end();
      };
      return pump();
    }
    if (req.url === '/reset') return req.socket.destroy();
    if (req.url === '/redirect') {
      res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ auth: req.headers.authorization ?? null }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const send = async (path: string) => {
  const dispatcher = createDispatcher(limits);
  try {
    return await sendRequest(dispatcher, { method: 'GET', url: base + path, headers: { authorization: 'Bearer t0ken-value' } }, limits);
  } finally {
    await dispatcher.destroy();
  }
};

describe('sendRequest', () => {
  it('returns the answer', async () => {
    const exchange = await send('/ok');
    expect(exchange.response?.status).toBe(200);
    expect(JSON.parse(exchange.response!.body)).toEqual({ auth: 'Bearer t0ken-value' });
  });

  it('turns a server that never answers into a timeout verdict within the deadline', async () => {
    const exchange = await send('/hang');
    expect(exchange.failure?.kind).toBe('timeout');
    // Generous: it separates the deadline from a hang without timing the machine.
    expect(exchange.durationMs).toBeLessThan(limits.timeoutMs * 10);
  });

  it('stops reading a huge body at the cap, and calls it too large rather than judging a fragment', async () => {
    const exchange = await send('/huge');
    expect(exchange.response).toBeUndefined();
    expect(exchange.failure).toEqual({ kind: 'too-large', code: 'RESPONSE_OVER_CAP', message: `the 200 body passed the ${limits.maxResponseBytes}-byte response cap; the rest was not read` });
  });

  it('turns a reset into a verdict, not a throw', async () => {
    const exchange = await send('/reset');
    expect(exchange.failure?.kind).toBe('connection-reset');
  });

  it('does not follow redirects', async () => {
    const exchange = await send('/redirect');
    expect(exchange.response?.status).toBe(302);
  });
});
