import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { HardenError } from '../errors.ts';
import type { Manifest } from '../manifest/types.ts';
import { openManifest } from '../openapi/openManifest.ts';

const git = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 * 1024 * 1024 });

/**
 * The file's text as committed at `ref` (`git show ref:./file`, run beside the file so relative
 * paths and nested repositories work); undefined when the path did not exist at that commit.
 * A ref git does not know is a usage error: better than treating every endpoint as new.
 */
export function showAtRef(file: string, ref: string): string | undefined {
  const cwd = dirname(resolve(file));
  try {
    git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new HardenError('OPTION_INVALID', `git: no commit "${ref}" in the repository holding ${file} (is it a git repository, and is the ref fetched?).`);
  }
  try {
    return git(cwd, ['show', `${ref}:./${basename(file)}`]);
  } catch {
    return undefined;
  }
}

/**
 * Loads the manifest (or OpenAPI document, with the current overlay) as it was at `ref`: written
 * to a fresh temporary folder under the same name, loaded like any file, then deleted. Problems
 * are located at `ref:file` rather than at the temporary copy.
 */
export async function manifestAtRef(file: string, ref: string, overlay?: string): Promise<Manifest | undefined> {
  const text = showAtRef(file, ref);
  if (text === undefined) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'harden-diff-'));
  const copy = join(dir, basename(file));
  try {
    writeFileSync(copy, text);
    return (await openManifest(copy, overlay)).manifest;
  } catch (error) {
    if (!(error instanceof HardenError)) throw error;
    const label = `${ref}:${file}`;
    const problems = error.problems.map((p) => ({ ...p, location: { ...p.location, ...(p.location.file?.startsWith(copy) && { file: p.location.file.replace(copy, label) }) } }));
    throw new HardenError(error.code, error.message.split(copy).join(label), { problems, cause: error });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
