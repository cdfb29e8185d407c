import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkExposure } from '../../src/run/listeners.ts';
import { runCli } from '../harness.ts';

const PROC = 'fixtures/governance/proc';
const onLinux = process.platform === 'linux';

/** A server that only listens: nothing connects to it, the check reads /proc alone. */
async function listen(host: string): Promise<{ port: number; server: Server }> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, host, resolve));
  return { port: (server.address() as { port: number }).port, server };
}

describe.runIf(onLinux)('exposure of a live listener', () => {
  it('passes a server bound to 127.0.0.1', async () => {
    const { port, server } = await listen('127.0.0.1');
    try {
      const result = checkExposure(`http://127.0.0.1:${port}`);
      expect(result.verdict, result.reason).toBe('pass');
      expect(result.listeners.map((l) => l.address)).toEqual(['127.0.0.1']);
      const cli = await runCli(['exposure', `http://localhost:${port}/api`], process.env);
      expect(cli.code).toBe(0);
      expect(cli.out).toContain('exposure pass');
    } finally {
      server.close();
    }
  });

  it('fails a server bound to 0.0.0.0, naming the wildcard', async () => {
    const { port, server } = await listen('0.0.0.0');
    try {
      const result = checkExposure(`http://127.0.0.1:${port}`);
      expect(result.verdict).toBe('fail');
      expect(result.reason).toContain('0.0.0.0 (every interface)');
      const cli = await runCli(['exposure', `http://127.0.0.1:${port}`], process.env);
      expect(cli.code).toBe(1);
      expect(cli.out).toContain('exposure fail');
    } finally {
      server.close();
    }
  });
});

describe('exposure from /proc/net files', () => {
  const at = (port: number, host = '127.0.0.1') => checkExposure(`http://${host}:${port}`, { procRoot: PROC, platform: 'linux', endianness: 'LE' });

  it('reads IPv4 and IPv6 listeners, including v4-mapped loopback, and ignores connections', () => {
    expect(at(8080)).toMatchObject({ verdict: 'pass', listeners: [{ address: '127.0.0.1' }, { address: '::ffff:127.0.0.1', kind: 'loopback' }] });
    expect(at(8081)).toMatchObject({ verdict: 'fail', listeners: [{ address: '0.0.0.0', kind: 'wildcard' }] });
    expect(at(8082, '[::1]')).toMatchObject({ verdict: 'pass', listeners: [{ family: 'IPv6', address: '::1' }] });
    expect(at(8083)).toMatchObject({ verdict: 'fail', listeners: [{ address: '::', kind: 'wildcard' }] });
    expect(at(8084)).toMatchObject({ verdict: 'pass', listeners: [{ address: '::ffff:127.0.0.1' }] });
    const mixed = at(8085);
    expect(mixed.verdict).toBe('fail');
    expect(mixed.reason).toContain('10.0.0.10 (not loopback)');
  });

  it('skips, with a reason, what it cannot judge', () => {
    expect(at(9999)).toMatchObject({ verdict: 'skip', reason: 'nothing listens on port 9999 in this network namespace' });
    expect(at(8080, 'api.example.com').reason).toContain('not a loopback host');
    expect(checkExposure('http://127.0.0.1:8080', { platform: 'darwin' }).reason).toContain('only Linux');
    expect(checkExposure('http://127.0.0.1:8080', { procRoot: '/nonexistent', platform: 'linux' })).toMatchObject({ verdict: 'skip', reason: '/nonexistent/net/tcp and tcp6 cannot be read' });
  });
});
