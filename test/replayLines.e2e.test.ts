import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_MANIFEST, runCli, startTarget } from './harness.ts';
import { gitRepo } from './diff/gitRepo.ts';

/** Splits a printed command line as a POSIX shell would (single quotes only: what replay lines use). */
function words(line: string): string[] {
  return [...line.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!));
}

/** The replay lines a run printed under "replay a failing case:". */
const replayLines = (out: string) => out.split('\n').filter((l) => /^ {2}(npx harden|REFERENCE_REGRESSIONS=|npm start)/.test(l)).map((l) => l.trim());

describe('every printed replay line runs as printed and reproduces its case', () => {
  let target: Awaited<ReturnType<typeof startTarget>>;
  beforeAll(async () => {
    target = await startTarget(['revoked-token-accepted-one-route']);
  });
  afterAll(() => target.close());

  it('from npm start: the npm start form, with the regressions it was started with', () => {
    const env = { ...process.env, REFERENCE_REGRESSIONS: 'revoked-token-accepted-one-route', NO_COLOR: '1' };
    const first = spawnSync('npm', ['start', '--silent', '--', '--seed', '7', '--suites', 'revoked-token', '--no-progress'], { env, encoding: 'utf8', timeout: 120_000 });
    expect(first.status, first.stdout + first.stderr).toBe(1);
    const [line] = replayLines(first.stdout);
    expect(line).toMatch(/^REFERENCE_REGRESSIONS=revoked-token-accepted-one-route npm start -- --seed 7 --case '[^']+\/revoked-token\/revoked-bearer'$/);
    const title = /^FAIL {2}(.+)$/m.exec(first.stdout)![1]!;
    // The line exactly as printed, through a shell, in a fresh process: the first run's port is gone.
    const again = spawnSync('bash', ['-c', `${line} --no-progress`], { env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 120_000 });
    expect(again.status, again.stdout + again.stderr).toBe(1);
    expect(again.stdout).toContain(`FAIL  ${title}`);
    expect(again.stdout).toMatch(/^FAIL: 0\/1 held; 1 of 1 case did not hold/m);
    // A one-case run writes its own folder, not over the full run's reports.
    expect(again.stdout).toMatch(/reports: reports\/replay\/junit\.xml/);
  }, 240_000);

  it('from a sharded run and an --endpoint selection: the npx form, with the flags that shape the plan', async () => {
    // The regression's one case lands in one of the two shards; that shard's line must replay it.
    const runs = [['--shard', '1/2'], ['--shard', '2/2'], ['--endpoint', 'GET /orders/*']];
    let replayedLines = 0;
    for (const flags of runs) {
      const full = await runCli(['run', REFERENCE_MANIFEST, '--base-url', target.api.url, '--seed', '11', '--suites', 'revoked-token,unauthorized', '--runs', '5', ...flags], target.env);
      const line = replayLines(full.out)[0];
      if (line === undefined) {
        expect(full.code, full.out).toBe(0);
        continue;
      }
      replayedLines += 1;
      expect(full.code, full.out).toBe(1);
      expect(line).toMatch(/^npx harden run /);
      const args = words(line).slice(2);
      const replayed = await runCli(args, target.env);
      expect(replayed.code, replayed.out + replayed.err).toBe(1);
      expect(replayed.out).toMatch(/^FAIL: 0\/1 held/m);
      expect(readFileSync(join(replayed.reports, 'junit.xml'), 'utf8')).toContain('revoked-token › revoked bearer');
    }
    expect(replayedLines).toBe(2);
  }, 120_000);

  it('from a --changed-since run: replay and run both take --changed-since', async () => {
    const repo = gitRepo(REFERENCE_MANIFEST);
    // Any change to one endpoint selects it; the smoke covers the rest.
    // getOrder documents one more status: the selection plans it, and its revoked-token case fails.
    const changed = readFileSync(repo.manifest, 'utf8').replace('      404: problem\n\n  - id: createOrder', '      404: problem\n      410: problem\n\n  - id: createOrder');
    expect(changed).toContain('410: problem');
    writeFileSync(repo.manifest, changed);
    const full = await runCli(['run', repo.manifest, '--base-url', target.api.url, '--seed', '3', '--changed-since', 'HEAD', '--suites', 'revoked-token,unauthorized'], target.env);
    expect(full.code, full.out + full.err).toBe(1);
    const line = replayLines(full.out)[0]!;
    expect(line).toContain("--changed-since 'HEAD'");
    const args = words(line).slice(2);
    for (const command of ['run', 'replay']) {
      const replayed = await runCli([command, ...args.slice(1)], target.env);
      expect(replayed.code, replayed.out + replayed.err).toBe(1);
    }
  }, 120_000);
});
