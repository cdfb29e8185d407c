import { readFile, stat } from 'node:fs/promises';
import { HardenError } from '../errors.ts';
import { parseManifest } from './parseManifest.ts';
import type { Manifest } from './types.ts';

/** Manifests are hand-written text; anything larger is a wrong file, not a manifest. */
export const MAX_MANIFEST_BYTES = 5 * 1024 * 1024;

/** Reads and validates a manifest file; every failure is a located HardenError(MANIFEST_INVALID). */
export async function loadManifest(file: string): Promise<Manifest> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a regular file');
    size = info.size;
  } catch (cause) {
    throw new HardenError('MANIFEST_INVALID', `Cannot read the manifest ${file}: ${(cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (cause as Error).message}. Check the path.`, { cause });
  }
  if (size > MAX_MANIFEST_BYTES) {
    throw new HardenError('MANIFEST_INVALID', `The manifest ${file} is ${size} bytes, over the ${MAX_MANIFEST_BYTES}-byte limit; is it the right file?`);
  }
  const bytes = await readFile(file);
  if (bytes.includes(0)) {
    throw new HardenError('MANIFEST_INVALID', `The manifest ${file} contains NUL bytes: it looks binary, not YAML or JSON. Check the path.`);
  }
  return parseManifest(bytes.toString('utf8'), file);
}
