import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { startCountingListener } from '../countingListener.ts';
import { REFERENCE_MANIFEST } from '../harness.ts';

// The evidence spool is made before anything is sent: a listener that counts connections proves it.
let listener: Awaited<ReturnType<typeof startCountingListener>>;

beforeAll(async () => {
  listener = await startCountingListener();
});
afterAll(() => listener.close());

describe('a temporary folder the evidence spool cannot use', () => {
  it('stops the run before anything is sent, with exit 3 and a sentence saying what to set', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'harden-reports-'));
    const saved = process.env.TMPDIR;
    const out: string[] = [];
    const err: string[] = [];
    // os.tmpdir() reads TMPDIR from the process itself, not from the CLI's env.
    process.env.TMPDIR = join(reports, 'no', 'such', 'folder');
    let code: number;
    try {
      code = await main(['run', REFERENCE_MANIFEST, '--base-url', listener.url, '--reports-dir', reports], { env: {}, out: (l) => out.push(l), err: (l) => err.push(l) });
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(code).toBe(3);
    expect([...out, ...err].join('\n')).toMatch(/Cannot create the evidence spool in .*no\/such\/folder: ENOENT.*Set TMPDIR to a writable folder/);
    expect(listener.connections()).toBe(0);
  });
});
