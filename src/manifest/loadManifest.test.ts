import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHardenError, HardenError } from '../errors.ts';
import { loadManifest } from './loadManifest.ts';
import { parseManifest } from './parseManifest.ts';

const BROKEN = 'fixtures/manifests/broken';
const REFERENCE = 'fixtures/reference-api/manifest.yaml';

async function messageFor(file: string): Promise<string> {
  try {
    await loadManifest(file);
  } catch (error) {
    if (error instanceof HardenError) return formatHardenError(error);
    throw error;
  }
  throw new Error(`${file} loaded without error`);
}

describe('loadManifest', () => {
  it('loads the reference manifest with every default filled', async () => {
    const manifest = await loadManifest(REFERENCE);
    expect(manifest.endpoints.map((e) => e.id)).toEqual(['health', 'listOrders', 'getOrder', 'createOrder', 'updateOrder', 'deleteOrder', 'readAudit']);
    expect(manifest.errors.statuses.malformedJson).toEqual([400]);
    expect(manifest.errors.statusMember).toBe('status');
    expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.endpoints.find((e) => e.id === 'health')?.public).toBe(true);
  });

  // Each broken manifest has its expected message stored beside it: file, line:column, pointer and what to do.
  const files = readdirSync(BROKEN).filter((f) => !f.endsWith('.expected.txt'));
  it.each(files)('%s gets its stored, located message', async (name) => {
    const expected = readFileSync(join(BROKEN, name.replace(/\.[^.]+$/, '.expected.txt')), 'utf8').trim();
    const actual = (await messageFor(join(BROKEN, name))).split(join(BROKEN, name)).join(name);
    expect(actual).toBe(expected);
  });

  it('names the file and says what to do when it does not exist', async () => {
    await expect(messageFor('fixtures/no-such-manifest.yaml')).resolves.toMatch(/fixtures\/no-such-manifest\.yaml: no such file\. Check the path/);
  });

  it('refuses a binary file, saying it looks binary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harden-'));
    const file = join(dir, 'manifest.yaml');
    writeFileSync(file, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]));
    await expect(messageFor(file)).resolves.toMatch(/manifest\.yaml contains NUL bytes: it looks binary/);
  });

  it('bounds YAML alias expansion (billion laughs)', () => {
    const bomb = ['harden: 1', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`);
    expect(() => parseManifest(bomb.join('\n'), 'bomb.yaml')).toThrow(HardenError);
  });

  it('returns a manifest or located problems for any mutation of a valid one, never another exception', () => {
    const text = readFileSync(REFERENCE, 'utf8');
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(40), fc.string({ maxLength: 8 }), (at, cut, insert) => {
        const mutated = text.slice(0, at) + insert + text.slice(at + cut);
        try {
          parseManifest(mutated, 'mutated.yaml');
        } catch (error) {
          expect(error).toBeInstanceOf(HardenError);
          const problems = (error as HardenError).problems;
          for (const p of problems) expect(p.location.file).toBe('mutated.yaml');
        }
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });
});

