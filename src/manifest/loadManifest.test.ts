import { execFileSync } from 'node:child_process';
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
  // Regenerate with `npx tsx fixtures/manifests/regenerate-expected.ts` and read the diff.
  const files = readdirSync(BROKEN).filter((f) => !f.endsWith('.expected.txt'));
  it('keeps a corpus of at least 40 broken manifests, each with its stored message', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    for (const name of files) expect(readdirSync(BROKEN)).toContain(name.replace(/\.[^.]+$/, '.expected.txt'));
  });

  it.each(files)('%s gets its stored, located message', async (name) => {
    const expected = readFileSync(join(BROKEN, name.replace(/\.[^.]+$/, '.expected.txt')), 'utf8').trim();
    const actual = (await messageFor(join(BROKEN, name))).split(join(BROKEN, name)).join(name);
    expect(actual).toBe(expected);
    // Every problem line names the file, and says what to do.
    for (const line of actual.split('\n').slice(1)) expect(line).toMatch(new RegExp(`^  ${name.replace(/\./g, '\\.')}(:\\d+:\\d+)?( at /\\S*)?: .+ \\(.+\\)$`));
  });

  it('names the file and says what to do when it does not exist', async () => {
    await expect(messageFor('fixtures/no-such-manifest.yaml')).resolves.toMatch(/^The manifest fixtures\/no-such-manifest\.yaml cannot be used; nothing was sent\.\n  fixtures\/no-such-manifest\.yaml: no such file \(check the path/);
  });

  it('refuses a folder, naming it', async () => {
    await expect(messageFor('fixtures/manifests')).resolves.toMatch(/fixtures\/manifests: is a folder, not a file \(name the manifest file inside it\)/);
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'harden-')), 'manifest.yaml');
    execFileSync('mkfifo', [fifo]);
    await expect(messageFor(fifo)).resolves.toMatch(/manifest\.yaml: is not a regular file \(name a \.yaml or \.json file\)/);
  });

  it('refuses a binary file, saying it looks binary and where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harden-'));
    const file = join(dir, 'manifest.yaml');
    writeFileSync(file, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]));
    await expect(messageFor(file)).resolves.toMatch(/manifest\.yaml:1:5: contains NUL bytes: it looks binary/);
  });

  it('reads a .json manifest saved with a byte-order mark', () => {
    const json = readFileSync(join(BROKEN, 'missing-scopes.json'), 'utf8').replace('"path": "/x"', '"path": "/x", "public": true');
    expect(parseManifest(`\uFEFF${json}`, 'bom.json').endpoints).toHaveLength(1);
  });

  it('bounds YAML alias expansion (billion laughs)', () => {
    const bomb = ['harden: 1', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`);
    expect(() => parseManifest(bomb.join('\n'), 'bomb.yaml')).toThrow(HardenError);
  });

  it('refuses a megabyte of [ by its nesting, before the YAML parser sees it', () => {
    let error: unknown;
    try {
      parseManifest('['.repeat(1024 * 1024), 'deep.yaml');
    } catch (e) {
      error = e;
    }
    expect(formatHardenError(error as HardenError)).toMatch(/deep\.yaml:1:129: \[ and \{ nest more than 128 deep here/);
  });
});
