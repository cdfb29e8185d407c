import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway git repository holding `manifest.yaml`, committed from a fixture. */
export function gitRepo(first: string) {
  const dir = mkdtempSync(join(tmpdir(), 'harden-diff-repo-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  const manifest = join(dir, 'manifest.yaml');
  const commit = (fixture: string, message: string) => {
    copyFileSync(fixture, manifest);
    git('add', 'manifest.yaml');
    git('commit', '-q', '-m', message);
  };
  commit(first, 'first');
  return { dir, manifest, git, commit, edit: (fixture: string) => copyFileSync(fixture, manifest) };
}
