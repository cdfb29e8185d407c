import { createServer, type AddressInfo } from 'node:net';

/**
 * A loopback listener that only counts connections, to prove that something stopped a run
 * before anything was sent.
 */
export async function startCountingListener(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const listener = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(listener.address() as AddressInfo).port}`,
    connections: () => connections,
    close: () => new Promise((resolve) => listener.close(() => resolve())),
  };
}
