import { connect } from 'node:net';
import { crc32, createGunzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CRC32_OF_1_GIB_ZEROS, gzipBombLength, gzipBombPieces } from '../../fixtures/hostile-server/gzipBomb.ts';
import { startHostileServer } from '../../fixtures/hostile-server/server.ts';

describe('the hostile server fixture', () => {
  it('listens on 127.0.0.1 only, and closing destroys stalled sockets at once', async () => {
    const server = await startHostileServer();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const url = new URL(server.url);
    // Two clients left hanging: one waiting for an answer, one mid-body.
    const closed = ['/hang', '/stall-body'].map(
      (path) =>
        new Promise<void>((resolve) => {
          const socket = connect(Number(url.port), '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nhost: x\r\n\r\n`));
          socket.on('error', () => {});
          socket.resume(); // read what arrives, or the end of the stream is never seen
          socket.on('close', () => resolve());
        }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await server.close();
    await Promise.all(closed);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('builds a gzip bomb that really inflates: 4 MiB from the same blocks, checked by gunzip', async () => {
    const next = gzipBombPieces(4 * 1024 * 1024);
    const gunzip = createGunzip();
    let inflated = 0;
    let nonZero = 0;
    gunzip.on('data', (chunk: Buffer) => {
      inflated += chunk.length;
      nonZero += chunk.length - chunk.filter((b) => b === 0).length;
    });
    const done = new Promise((resolve, reject) => gunzip.on('end', resolve).on('error', reject));
    for (let piece = next(); piece !== undefined; piece = next()) gunzip.write(piece);
    gunzip.end();
    await done;
    expect(inflated).toBe(4 * 1024 * 1024);
    expect(nonZero).toBe(0);
  });

  it('trails the 1 GiB bomb with the right CRC-32', () => {
    const zeros = Buffer.alloc(1024 * 1024);
    let crc = 0;
    for (let i = 0; i < 1024; i++) crc = crc32(zeros, crc);
    expect(crc >>> 0).toBe(CRC32_OF_1_GIB_ZEROS);
  });

  it('keeps the full bomb near 1 MiB on the wire', () => {
    expect(gzipBombLength()).toBeGreaterThan(1_000_000);
    expect(gzipBombLength()).toBeLessThan(1_100_000);
  });
});
