import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { REFERENCE_MANIFEST } from './harness.ts';

const exec = promisify(execFile);

/** Runs a command; a failure shows what the command printed, not only that it failed. */
async function run(command: string, args: string[], options: { cwd?: string } = {}) {
  try {
    return await exec(command, args, { ...options, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout}${stderr}`);
  }
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

describe('the published package', () => {
  it('--version prints the version in package.json', async () => {
    const out: string[] = [];
    expect(await main(['--version'], { env: {}, out: (l) => out.push(l), err: (l) => out.push(l) })).toBe(0);
    expect(out).toEqual([version]);
  });

  // Builds, packs and installs the tarball in an empty folder as a user would (about 1 to 2 minutes
  // on a busy 2-core machine; dependencies come from the npm cache, the registry only for what it lacks).
  it('installs from its tarball into an empty folder and runs there without a TypeScript compiler', async () => {
    await run(npm, ['run', 'build']);
    const packDir = mkdtempSync(join(tmpdir(), 'harden-pack-'));
    // The build just ran: --ignore-scripts keeps prepack from running it a second time.
    const packed = await run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir]);
    const [tarball] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    const files = tarball!.files.map((f) => f.path);
    expect(files).toContain('bin/harden.js');
    expect(files).toContain('dist/cli/bin.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('dist/manifest/manifest.schema.json');
    // Nothing a user does not run: no sources, tests, fixtures or benches.
    expect(files.filter((f) => /^(test|fixtures|bench|suites)\//.test(f) || /\.ts$/.test(f.replace(/\.d\.ts$/, '')))).toEqual([]);

    const user = mkdtempSync(join(tmpdir(), 'harden-user-'));
    writeFileSync(join(user, 'package.json'), JSON.stringify({ name: 'harden-user', private: true }));
    await run(npm, ['install', join(packDir, tarball!.filename), '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: user });
    expect(existsSync(join(user, 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(user, 'node_modules', 'typescript'))).toBe(false);

    const shown = await run(npx, ['--no-install', 'harden', '--version'], { cwd: user });
    expect(shown.stdout.trim()).toBe(version);
    const validated = await run(npx, ['--no-install', 'harden', 'validate', resolve(REFERENCE_MANIFEST)], { cwd: user });
    expect(validated.stdout).toMatch(/: valid \(\d+ endpoints, \d+ scopes\)/);
  }, 240_000);
});
