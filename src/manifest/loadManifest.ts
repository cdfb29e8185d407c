import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { HardenError } from '../errors.ts';
import { parseManifest } from './parseManifest.ts';
import type { Manifest } from './types.ts';

/** Manifests are hand-written text; anything larger is a wrong file, not a manifest. */
export const MAX_MANIFEST_BYTES = 5 * 1024 * 1024;

function unusable(file: string, message: string, hint: string, at: { line?: number; column?: number } = {}, cause?: unknown): HardenError {
  return new HardenError('MANIFEST_INVALID', `The manifest ${file} cannot be used; nothing was sent.`, { problems: [{ message, hint, location: { file, ...at } }], cause });
}

const WHY: Record<string, [message: string, hint: string]> = {
  ENOENT: ['no such file', 'check the path; a relative path starts from the current folder'],
  EACCES: ['permission denied', 'make the file readable for this user'],
  EISDIR: ['is a folder, not a file', 'name the manifest file inside it'],
  ENOTDIR: ['a part of the path is not a folder', 'check the path'],
  ELOOP: ['the path loops through symbolic links', 'check the links'],
};

function lineColumn(bytes: Buffer, index: number): { line: number; column: number } {
  const before = bytes.subarray(0, index);
  let line = 1;
  let lineStart = 0;
  for (let i = before.indexOf(10); i >= 0; i = before.indexOf(10, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/** Refuses what is not UTF-8 text before the parser sees it: a binary file yields only nonsense errors. */
function decode(bytes: Buffer, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw unusable(file, 'is UTF-16 text', 'save it as UTF-8', { line: 1, column: 1 });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw unusable(file, 'contains NUL bytes: it looks binary, not YAML or JSON', 'check the path: a manifest is a .yaml or .json text file', lineColumn(bytes, nul));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Find the first bad byte for the location: decode growing prefixes would be quadratic, so scan once.
    const text = bytes.toString('utf8');
    const bad = Buffer.byteLength(text.slice(0, text.indexOf('\uFFFD')));
    throw unusable(file, 'is not UTF-8 text', 'save it as UTF-8', lineColumn(bytes, bad));
  }
}

function refuseShape(file: string, info: Stats): void {
  if (info.isDirectory()) throw unusable(file, ...WHY.EISDIR!);
  if (!info.isFile()) throw unusable(file, 'is not a regular file', 'name a .yaml or .json file');
  if (info.size > MAX_MANIFEST_BYTES) {
    throw unusable(file, `is ${info.size} bytes, over the ${MAX_MANIFEST_BYTES}-byte (5 MiB) limit for a manifest`, 'a manifest is a few KiB of text; is it the right file?');
  }
}

/**
 * Reads and validates a manifest file; every failure is a HardenError(MANIFEST_INVALID) naming the file.
 * The size is judged before the file is opened, and again on the open file; the read itself stops
 * one byte past the measured size, so a huge or growing file costs nothing. O_NONBLOCK keeps a
 * FIFO swapped in after the check from blocking the open; it is then refused as not a regular file.
 */
export async function loadManifest(file: string): Promise<Manifest> {
  let bytes: Buffer;
  let info: Stats;
  try {
    info = await stat(file);
  } catch (cause) {
    const [message, hint] = WHY[(cause as NodeJS.ErrnoException).code ?? ''] ?? [(cause as Error).message, 'check the path'];
    throw unusable(file, message, hint, {}, cause);
  }
  // Judged from the path before opening: a huge file or a device is refused without a byte read.
  refuseShape(file, info);
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (cause) {
    const [message, hint] = WHY[(cause as NodeJS.ErrnoException).code ?? ''] ?? [(cause as Error).message, 'check the path'];
    throw unusable(file, message, hint, {}, cause);
  }
  try {
    // Again on the open file itself: the path may have been swapped since it was measured.
    info = await handle.stat();
    refuseShape(file, info);
    // Read the measured size and one byte past it: a file that grew since it was measured is noticed, and still bounded.
    const buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > info.size) throw unusable(file, 'changed while it was being read', 'run again once it is written');
    bytes = buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
  return parseManifest(decode(bytes, file), file);
}
