import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_MANIFEST, runCli, startTarget } from './harness.ts';
import { readJUnitCases, validateJUnit } from './junitXml.ts';
import type { EvidenceDocument } from '../src/report/evidence.ts';
import { mergeCommand } from '../src/cli/mergeCommand.ts';

/** The reference manifest with user-minted static tokens and no revoked one: an API the run cannot revoke on. */
function staticManifest(dir: string, extra = ''): string {
  const text = readFileSync(REFERENCE_MANIFEST, 'utf8').replace(
    /  tokens:\n(    .*\n)+?(?=  scopes:)/,
    ['  tokens:', '    provider: static', '    tokens:', '      - { scopes: [orders:read], env: TOKEN_READ }', '      - { scopes: [orders:write], env: TOKEN_WRITE }', '      - { scopes: [orders:admin], env: TOKEN_ADMIN }', ''].join('\n'),
  );
  const file = join(dir, 'static.yaml');
  writeFileSync(file, text + extra);
  return file;
}

describe('an API the run cannot revoke tokens on', () => {
  let target: Awaited<ReturnType<typeof startTarget>>;
  let env: NodeJS.ProcessEnv;
  const dir = mkdtempSync(join(tmpdir(), 'harden-not-proven-'));

  beforeAll(async () => {
    target = await startTarget();
    const issue = async (scopes: string[]) => {
      const response = await fetch(`${target.api.url}/auth/tokens`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`harden-test:${target.clientSecret}`).toString('base64')}`, 'content-type': 'application/json' },
        body: JSON.stringify({ scopes }),
      });
      return ((await response.json()) as { access_token: string }).access_token;
    };
    env = { ...target.env, TOKEN_READ: await issue(['orders:read']), TOKEN_WRITE: await issue(['orders:write']), TOKEN_ADMIN: await issue(['orders:admin']) };
  });
  afterAll(() => target.close());

  it('runs to the end, reports revocation and rotation as not proven everywhere, and exits 0', async () => {
    const result = await runCli(['run', staticManifest(dir), '--base-url', target.api.url, '--seed', '5', '--runs', '5'], env);
    expect(result.code, result.out + result.err).toBe(0);
    expect(result.out).toMatch(/^not proven: revoked-token, \d+ cases \(the static provider names no revoked token \(auth\.tokens\.revoked\)\); --require revoked-token makes this fail the gate$/m);
    expect(result.out).toMatch(/^not proven: rotation, \d+ cases \(the static provider cannot issue a replacement token\)/m);
    expect(result.out).toMatch(/^PASS: (\d+)\/\1 held \(\d+ not proven\)/m);
    const evidence = JSON.parse(readFileSync(join(result.reports, 'evidence.json'), 'utf8')) as EvidenceDocument;
    const revoked = evidence.cases.filter((c) => c.suite === 'revoked-token');
    expect(revoked.length).toBeGreaterThan(0);
    expect(revoked.every((c) => c.verdict === 'not-proven' && c.exchanges.length === 0)).toBe(true);
    expect(evidence.suites['revoked-token'].notProven).toBe(revoked.length);
    expect(evidence.totals.notProven).toBe(revoked.length + evidence.suites.rotation.notProven);
    const xml = readFileSync(join(result.reports, 'junit.xml'), 'utf8');
    expect(await validateJUnit(xml)).toEqual([]);
    const junitRevoked = readJUnitCases(xml).filter((c) => c.classname === 'orders-api.revoked-token');
    expect(junitRevoked.length).toBe(revoked.length);
    expect(junitRevoked.every((c) => c.skipped !== undefined)).toBe(true);
    expect(xml).toMatch(/not proven: the static provider names no revoked token/);
    expect(readFileSync(join(result.reports, 'summary.md'), 'utf8')).toMatch(/\*\*Not proven: revoked-token\*\* \(\d+ cases\): the static provider names no revoked token/);
  }, 60_000);

  it('fails the gate with --require revoked-token, and with the manifest switch', async () => {
    const flag = await runCli(['run', staticManifest(dir), '--base-url', target.api.url, '--seed', '5', '--runs', '5', '--suites', 'revoked-token', '--require', 'revoked-token'], env);
    expect(flag.code, flag.out).toBe(1);
    expect(flag.out).toMatch(/^FAIL: 0\/0 held \(\d+ not proven\); \d+ required cases not proven/m);
    const switched = await runCli(['run', staticManifest(dir, '\ngate: { require: [revoked-token] }\n'), '--base-url', target.api.url, '--seed', '5', '--suites', 'revoked-token'], env);
    expect(switched.code, switched.out + switched.err).toBe(1);
    // Requiring a suite that was not asked for is no failure: its cases were not planned.
    const other = await runCli(['run', staticManifest(dir), '--base-url', target.api.url, '--seed', '5', '--suites', 'unauthorized', '--require', 'revoked-token'], env);
    expect(other.code, other.out).toBe(0);
  }, 60_000);

  it('refuses --require for a suite that cannot be left unproven', async () => {
    const result = await runCli(['run', staticManifest(dir), '--base-url', target.api.url, '--require', 'positive'], env);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--require: "positive" cannot be required; only revoked-token, rotation, refresh, ownership/);
  });

  it('refuses a "revoked" token that is a live one: revocation could not be proven with it', async () => {
    const file = staticManifest(dir, '');
    writeFileSync(file, readFileSync(file, 'utf8').replace('      - { scopes: [orders:admin], env: TOKEN_ADMIN }\n', '      - { scopes: [orders:admin], env: TOKEN_ADMIN }\n    revoked: { env: TOKEN_ADMIN }\n'));
    const result = await runCli(['run', file, '--base-url', target.api.url, '--seed', '5', '--suites', 'revoked-token'], env);
    expect(result.code, result.out + result.err).toBe(2);
    expect(result.err).toMatch(/The revoked token \(\$TOKEN_ADMIN\) is the same value as the live token \$TOKEN_ADMIN/);
    expect(result.err + result.out).not.toContain(env.TOKEN_ADMIN!);
  });
});

describe('harden merge', () => {
  it('exits 3 and says INCOMPLETE when any shard was interrupted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'harden-merge-incomplete-'));
    const shard = (index: number, incomplete?: string): string => {
      const doc = {
        schemaVersion: '1.2.0',
        tool: { name: 'api-harden', version: '0' },
        run: { service: 's', seed: 1, startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:01.000Z', durationMs: 1000, shard: { index, count: 2 }, ...(incomplete ? { incomplete } : {}) },
        manifest: { path: 'm.yaml', sha256: 'a'.repeat(64) },
        environment: { baseUrl: 'http://127.0.0.1:1', node: 'v20', platform: 'linux', hostname: 'h' },
        totals: { tests: 0, passed: 0, failed: 0, errors: 0, skipped: 0, notProven: 0 },
        suites: Object.fromEntries(['positive', 'revoked-token', 'unauthorized', 'malformed', 'rotation', 'exposure'].map((s) => [s, { tests: 0, passed: 0, failed: 0, errors: 0, skipped: 0, notProven: 0 }])),
        cases: [],
        scopeMatrix: { scopes: [], endpoints: [], cells: [] },
        warnings: [],
      };
      const file = join(dir, `shard-${index}.json`);
      writeFileSync(file, JSON.stringify(doc));
      return file;
    };
    const lines: string[] = [];
    const complete = mergeCommand([shard(1), shard(2)], { reportsDir: join(dir, 'a') }, { env: {}, out: (l) => lines.push(l) });
    expect(complete).toBe(0);
    const code = mergeCommand([shard(1), shard(2, 'the run was interrupted; 4 of 9 cases were not run')], { reportsDir: join(dir, 'b') }, { env: {}, out: (l) => lines.push(l) });
    expect(code).toBe(3);
    expect(lines.at(-1)).toMatch(/^INCOMPLETE: .*shard 2\/2: the run was interrupted; 4 of 9 cases were not run: these reports are partial$/);
    expect(readFileSync(join(dir, 'b', 'summary.md'), 'utf8')).toMatch(/INCOMPLETE/);
  });
});
