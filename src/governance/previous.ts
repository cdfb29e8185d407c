import { execFileSync } from 'node:child_process';
import { basename, dirname } from 'node:path';
import { loadRegister, parseRegister, type Register } from './register.ts';

/** The register as it was before this change, or why there is none (the rule is then skipped). */
export type Previous = { register: Register; source: string } | { register?: undefined; note: string };

/**
 * `--previous FILE` wins; otherwise the committed version (`git show HEAD:<path>`), so a pull
 * request's added scopes are judged against main without anyone keeping a copy.
 */
export function previousRegister(file: string, previousFile: string | undefined): Previous {
  if (previousFile !== undefined) return { register: loadRegister(previousFile), source: previousFile };
  const cwd = dirname(file);
  let text: string;
  try {
    // `HEAD:./name` resolves relative to cwd, so the register may sit anywhere in the work tree.
    text = execFileSync('git', ['show', `HEAD:./${basename(file)}`], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
  } catch {
    return { note: 'no --previous file and the register is not tracked by git at HEAD: scopes added since the previous version cannot be told apart' };
  }
  return { register: parseRegister(text, `HEAD:${file}`), source: `git HEAD:${file}` };
}
