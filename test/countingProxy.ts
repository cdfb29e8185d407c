import { createServer, request as forward, Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback proxy in front of a target that tells the test about every request it receives, so a
 * test can act on the n-th request and count what arrives after: assertions by events, not the clock.
 * `onRequest` returning 'hold' keeps that request unanswered (until the proxy closes); returning a
 * number forwards it that many milliseconds late, so a test can make one request lose a race.
 */
export async function startCountingProxy(target: string, onRequest: (req: IncomingMessage, count: number) => 'hold' | number | void) {
  const agent = new Agent({ keepAlive: true });
  let count = 0;
  const server = createServer((req, res) => {
    const verdict = onRequest(req, ++count);
    if (verdict === 'hold') return;
    if (typeof verdict === 'number') {
      req.pause();
      setTimeout(() => send(req, res), verdict);
    } else send(req, res);
  });
  const send = (req: IncomingMessage, res: ServerResponse) => {
    const upstream = forward(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
