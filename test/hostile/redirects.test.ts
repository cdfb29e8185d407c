import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile-server/server.ts';
import { createDispatcher } from '../../src/transport/createDispatcher.ts';
import type { SentRequest } from '../../src/model/exchange.ts';
import { sendRequest } from '../../src/transport/sendRequest.ts';
import { TIGHT } from './limits.ts';

let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(() => server.close());

const TOKEN = 'hostile-redirect-token-7f3a';

describe('redirects never carry a token anywhere', () => {
  it('with every method and credential placement, the other origin receives nothing', async () => {
    const dispatcher = createDispatcher(TIGHT);
    try {
      const requests: SentRequest[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => ({
        method,
        url: `${server.url}/redirect-other?access_token=${TOKEN}`,
        headers: { authorization: `Bearer ${TOKEN}`, ...(method === 'GET' || method === 'HEAD' ? {} : { 'content-type': 'application/json' }) },
        body: method === 'GET' || method === 'HEAD' ? undefined : JSON.stringify({ token: TOKEN }),
      }));
      for (const request of requests) {
        const e = await sendRequest(dispatcher, request, TIGHT);
        expect(e.response?.status, request.method).toBe(307);
      }
    } finally {
      await dispatcher.destroy();
    }
    expect(server.elsewhere.received).toEqual([]);
  });

  it('the other origin does record what reaches it (the check above can fail)', async () => {
    const dispatcher = createDispatcher(TIGHT);
    const before = server.elsewhere.received.length;
    try {
      await sendRequest(dispatcher, { method: 'GET', url: `${server.elsewhere.url}/direct`, headers: {} }, TIGHT);
    } finally {
      await dispatcher.destroy();
    }
    const [direct] = server.elsewhere.received.slice(before);
    expect(direct).toMatchObject({ method: 'GET', url: '/direct' });
    // And the harness asks for no compression: a gzip body is the server's own doing.
    expect(direct!.headers['accept-encoding']).toBeUndefined();
  });
});
