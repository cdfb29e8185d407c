import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_MANIFEST, runCli, startTarget, type CliResult } from './harness.ts';
import { readJUnitCases, validateJUnit } from './junitXml.ts';

const SEED = '20261123';

describe('harden run against the hardened reference API', () => {
  let target: Awaited<ReturnType<typeof startTarget>>;
  let result: CliResult;
  let xml: string;

  beforeAll(async () => {
    target = await startTarget();
    result = await runCli(['run', REFERENCE_MANIFEST, '--base-url', target.api.url, '--seed', SEED], target.env);
    xml = readFileSync(join(result.reports, 'junit.xml'), 'utf8');
  });
  afterAll(() => target.close());

  it('exits 0 with every case held', () => {
    expect(result.err).toBe('');
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(new RegExp(`seed: ${SEED}`));
    expect(result.out).toMatch(/PASS: (\d+)\/\1 held/);
  });

  it('writes JUnit XML that the Jenkins/Ant schema accepts, with testcases in all four suites and no failures', async () => {
    expect(await validateJUnit(xml)).toEqual([]);
    const cases = readJUnitCases(xml);
    for (const suite of ['positive', 'revoked-token', 'unauthorized', 'malformed']) {
      expect(cases.filter((c) => c.classname === `orders-api.${suite}`).length, suite).toBeGreaterThan(0);
    }
    expect(cases.filter((c) => c.failure !== undefined || c.error !== undefined)).toEqual([]);
    expect(cases.map((c) => c.name)).toContain('GET /orders/{id} › revoked-token › revoked bearer');
    expect(xml).toMatch(/<property name="seed" value="20261123"\/>/);
  });

  it('covers every protected endpoint with a revoked token and every non-granting scope', () => {
    const names = readJUnitCases(xml).map((c) => c.name);
    for (const route of ['GET /orders', 'GET /orders/{id}', 'POST /orders', 'PATCH /orders/{id}', 'DELETE /orders/{id}', 'GET /admin/audit']) {
      expect(names).toContain(`${route} › revoked-token › revoked bearer`);
    }
    expect(names).toContain('POST /orders › unauthorized › scope orders:read');
    expect(names).toContain('GET /admin/audit › unauthorized › scope orders:write');
  });

  it('gives the same testcases in the same order for the same seed', async () => {
    const again = await runCli(['run', REFERENCE_MANIFEST, '--base-url', target.api.url, '--seed', SEED], target.env);
    const names = (x: string) => readJUnitCases(x).map((c) => c.name);
    expect(names(readFileSync(join(again.reports, 'junit.xml'), 'utf8'))).toEqual(names(xml));
  });
});

describe('harden run against a regression', () => {
  it('fails the gate (exit 1) when revoked tokens are still accepted, naming the revoked-token cases', async () => {
    const target = await startTarget(['revoked-token-accepted']);
    try {
      const result = await runCli(['run', REFERENCE_MANIFEST, '--base-url', target.api.url, '--seed', SEED], target.env);
      expect(result.code, result.out).toBe(1);
      const xml = readFileSync(join(result.reports, 'junit.xml'), 'utf8');
      expect(await validateJUnit(xml)).toEqual([]);
      const failing = readJUnitCases(xml).filter((c) => c.failure !== undefined);
      expect(failing.length).toBeGreaterThanOrEqual(6);
      // The rotation drill's "old token refused" cases prove revocation too, so they fail with it.
      expect(failing.every((c) => c.classname === 'orders-api.revoked-token' || c.classname === 'orders-api.rotation')).toBe(true);
      expect(failing.some((c) => c.classname === 'orders-api.revoked-token')).toBe(true);
      expect(failing[0]!.failure).toMatch(/^\[status\] A request that had to be refused was served: got 2\d\d; expected 401/);
      expect(failing[0]!.body).toMatch(/replay: npx harden run .* --seed 20261123 --case '[^']+\/revoked-token\/revoked-bearer'/);
    } finally {
      await target.close();
    }
  });

  it('keeps every secret out of the console and the reports, even when the API echoes tokens', async () => {
    const target = await startTarget(['token-echoed-in-error', 'stack-trace-in-detail']);
    try {
      const result = await runCli(['run', REFERENCE_MANIFEST, '--base-url', target.api.url, '--seed', SEED], target.env);
      expect(result.code).toBe(1);
      expect(result.secrets).toContain(target.clientSecret);
      expect(result.secrets.length).toBeGreaterThanOrEqual(4);
      const outputs = [result.out, result.err, ...readdirSync(result.reports).map((f) => readFileSync(join(result.reports, f), 'utf8'))];
      for (const secret of result.secrets) {
        for (const output of outputs) expect(output.includes(secret)).toBe(false);
      }
      expect(readFileSync(join(result.reports, 'junit.xml'), 'utf8')).toMatch(/\[REDACTED token#\d+/);
    } finally {
      await target.close();
    }
  });
});

describe('harden run on bad input', () => {
  it('exits 2 with file:line:column and pointer for a broken manifest, sending nothing', async () => {
    const result = await runCli(['run', 'fixtures/manifests/broken/scope-not-catalogued.yaml', '--base-url', 'http://127.0.0.1:9'], process.env);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/scope-not-catalogued\.yaml:\d+:\d+ at \/endpoints\/3\/scopes\/0: scope "orders:wirte" is not in the catalogue/);
  });

  it('exits 3 within 10 seconds when nothing listens at the base URL', async () => {
    const started = Date.now();
    const result = await runCli(['run', REFERENCE_MANIFEST, '--base-url', 'http://127.0.0.1:9'], process.env);
    expect(result.code).toBe(3);
    expect(result.err).toMatch(/Cannot reach http:\/\/127\.0\.0\.1:9: nothing is listening there\. Start the API/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('exits 2 for a non-loopback target the user did not name', async () => {
    const result = await runCli(['run', REFERENCE_MANIFEST, '--base-url', 'http://203.0.113.7:8080'], process.env);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/Refusing to send requests to 203\.0\.113\.7:8080.*--allow-host 203\.0\.113\.7/);
  });

  it('exits 2 for bad flags', async () => {
    expect((await runCli(['run', REFERENCE_MANIFEST, '--suites', 'positve'], process.env)).err).toMatch(/unknown suite "positve"/);
    expect((await runCli(['run', REFERENCE_MANIFEST, '--seed', '-4'], process.env)).code).toBe(2);
    expect((await runCli(['run'], process.env)).code).toBe(2);
    expect((await runCli(['frobnicate'], process.env)).code).toBe(2);
  });
});
