import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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

describe('action.yml', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as {
    inputs: Record<string, unknown>;
    runs: { using: string; steps: { id?: string; run?: string; env?: Record<string, string> }[] };
  };
  const step = action.runs.steps.find((s) => s.id === 'run')!;

  /** Runs the action's `run` step as the runner would (bash -eo pipefail), with a stub CLI that prints its arguments. */
  async function runStep(inputs: Record<string, string>, stubExit: number) {
    const dir = mkdtempSync(join(tmpdir(), 'harden-action-'));
    const stub = join(dir, 'harden');
    writeFileSync(stub, `#!/bin/sh\nfor a in "$@"; do echo "$a"; done\nexit ${stubExit}\n`);
    chmodSync(stub, 0o755);
    const output = join(dir, 'output');
    writeFileSync(output, '');
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', HARDEN_BIN: stub, GITHUB_OUTPUT: output };
    for (const [name, value] of Object.entries(step.env!)) {
      const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value)?.[1];
      if (input) env[name] = inputs[input] ?? String((action.inputs[input] as { default?: string }).default ?? '');
    }
    const result = await promisify(execFile)('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { env, cwd: dir }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    return { ...result, args: result.stdout.trimEnd().split('\n'), output: readFileSync(output, 'utf8'), dir };
  }

  it('is a composite action whose every input is used by a step', () => {
    expect(action.runs.using).toBe('composite');
    const text = JSON.stringify(action.runs.steps);
    for (const name of Object.keys(action.inputs)) expect(text, name).toContain(`inputs.${name}`);
  });

  it('passes each input as its harden run flag, literally, and hands back the exit code', async () => {
    const hostile = 'api $(touch injected) `touch injected2`.yaml';
    const { code, args, output, dir } = await runStep({ manifest: hostile, overlay: 'o.yaml', 'base-url': 'http://127.0.0.1:1', suites: 'positive,unauthorized', seed: '7', args: '--runs 5  --shard 1/2' }, 1);
    expect(code).toBe(1);
    expect(output).toBe('exit-code=1\n');
    expect(args).toEqual(['run', hostile, '--reports-dir', 'reports', '--overlay', 'o.yaml', '--base-url', 'http://127.0.0.1:1', '--suites', 'positive,unauthorized', '--seed', '7', '--runs', '5', '--shard', '1/2']);
    expect(existsSync(join(dir, 'injected'))).toBe(false);
    expect(existsSync(join(dir, 'injected2'))).toBe(false);
  });

  it('leaves out the flags of inputs left empty, and exits 0 when the gate held', async () => {
    const { code, args, output } = await runStep({ manifest: 'm.yaml' }, 0);
    expect(code).toBe(0);
    expect(output).toBe('exit-code=0\n');
    expect(args).toEqual(['run', 'm.yaml', '--reports-dir', 'reports']);
  });
});
