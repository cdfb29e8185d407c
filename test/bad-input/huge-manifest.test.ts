import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { formatHardenError, HardenError } from '../../src/errors.ts';
import { loadManifest, MAX_MANIFEST_BYTES } from '../../src/manifest/loadManifest.ts';

// Watch every way the loader could read the file: a refusal on size must come before any of them.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, open: vi.fn(real.open), readFile: vi.fn(real.readFile) };
});

const dir = mkdtempSync(join(tmpdir(), 'harden-huge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 50 MiB of plausible YAML, written in 1 MiB pieces: never committed, never held in memory whole. */
function writeHugeManifest(): string {
  const file = join(dir, 'huge.yaml');
  const fd = openSync(file, 'w');
  const line = Buffer.from('harden: 1\n'.padEnd(64, ' ').slice(0, 63) + '\n');
  const piece = Buffer.alloc(1024 * 1024, line.toString());
  for (let i = 0; i < 50; i++) writeSync(fd, piece);
  closeSync(fd);
  return file;
}

describe('a 50 MiB manifest', () => {
  it('is refused from its size alone, without opening it', async () => {
    const file = writeHugeManifest();
    vi.mocked(fsPromises.open).mockClear();
    vi.mocked(fsPromises.readFile).mockClear();
    let error: unknown;
    try {
      await loadManifest(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HardenError);
    expect(formatHardenError(error as HardenError)).toMatch(new RegExp(`huge\\.yaml: is 52428800 bytes, over the ${MAX_MANIFEST_BYTES}-byte \\(5 MiB\\) limit for a manifest \\(a manifest is a few KiB of text; is it the right file\\?\\)`));
    expect(fsPromises.open).not.toHaveBeenCalled();
    expect(fsPromises.readFile).not.toHaveBeenCalled();
  });

  it('is still read when it is small: the spy sees the ordinary path', async () => {
    vi.mocked(fsPromises.open).mockClear();
    await loadManifest('fixtures/reference-api/manifest.yaml');
    expect(fsPromises.open).toHaveBeenCalledTimes(1);
  });
});
