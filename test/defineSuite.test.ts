import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineSuite, type SuiteCollectors } from '../suites/defineSuite.ts';
import { loadManifest } from '../src/manifest/loadManifest.ts';
import { buildPlan } from '../src/plan/buildPlan.ts';
import type { SuiteId } from '../src/plan/case.ts';
import type { Session } from '../src/run/openSession.ts';
import { REFERENCE_MANIFEST, startTarget } from './harness.ts';

// Every session defineSuite opens, so a test can see that it was closed and which secrets it held.
const sessions = vi.hoisted(() => [] as { session: Session; closed: boolean }[]);
vi.mock('../src/run/openSession.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/run/openSession.ts')>();
  return {
    ...real,
    openSession: async (...args: Parameters<typeof real.openSession>) => {
      const session = await real.openSession(...args);
      const record = { session, closed: false };
      sessions.push(record);
      return { ...session, close: async () => ((record.closed = true), session.close()) };
    },
  };
});

interface Declared {
  describes: string[];
  skipped: string[];
  /** Each declared test by name, with its error message when it threw. */
  outcomes: { name: string; error?: string }[];
  beforeAllError?: string;
}

/**
 * Runs defineSuite with stand-ins for vitest's collectors, then runs what it declared as vitest
 * would (hooks, then each test in order), so a test can see which cases fail and what they say.
 */
async function declareAndRun(suite: SuiteId, target: { manifest: string; baseUrl: string; env: Record<string, string> }): Promise<Declared> {
  const declared: Declared = { describes: [], skipped: [], outcomes: [] };
  const tests: { name: string; fn: () => Promise<void> }[] = [];
  const before: (() => Promise<void>)[] = [];
  const after: (() => Promise<void>)[] = [];
  const collectors = {
    inject: (key: string) => (key === 'hardenTarget' ? target : undefined),
    describe: (name: string, body: () => void) => (declared.describes.push(name), body()),
    beforeAll: (fn: () => Promise<void>) => before.push(fn),
    afterAll: (fn: () => Promise<void>) => after.push(fn),
    it: Object.assign((name: string, fn: () => Promise<void>) => tests.push({ name, fn }), { skip: (name: string) => declared.skipped.push(name) }),
  } as unknown as SuiteCollectors;
  await defineSuite(suite, collectors);
  // As vitest: a suite with nothing to run runs no hooks.
  if (tests.length === 0) return declared;
  try {
    for (const fn of before) await fn();
  } catch (error) {
    // As vitest: a failed beforeAll fails every test in the suite, and afterAll still runs.
    declared.beforeAllError = (error as Error).message;
    for (const fn of after) await fn();
    return declared;
  }
  for (const t of tests) {
    try {
      await t.fn();
      declared.outcomes.push({ name: t.name });
    } catch (error) {
      declared.outcomes.push({ name: t.name, error: (error as Error).message });
    }
  }
  for (const fn of after) await fn();
  return declared;
}

const credentials = (env: Record<string, string | undefined>) => ({ HARDEN_CLIENT_ID: env.HARDEN_CLIENT_ID!, HARDEN_CLIENT_SECRET: env.HARDEN_CLIENT_SECRET! });

describe('defineSuite', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    sessions.length = 0;
  });

  it('declares one passing test per planned case, named as its JUnit testcase, and closes its session', async () => {
    const target = await startTarget();
    try {
      const declared = await declareAndRun('revoked-token', { manifest: REFERENCE_MANIFEST, baseUrl: target.api.url, env: credentials(target.env) });
      const plan = buildPlan(await loadManifest(REFERENCE_MANIFEST), { seed: 20261123, suites: ['revoked-token'] });
      expect(declared.describes).toEqual(['orders-api › revoked-token (seed 20261123)']);
      expect(declared.outcomes).toEqual(plan.cases.map((c) => ({ name: c.title })));
      expect(declared.skipped).toEqual([]);
      expect(sessions.map((s) => s.closed)).toEqual([true]);
    } finally {
      await target.close();
    }
  });

  it('fails every case a regression breaks, naming the case, its seed and its replay, with no secret in the message', async () => {
    const target = await startTarget(['revoked-token-accepted']);
    try {
      const declared = await declareAndRun('revoked-token', { manifest: REFERENCE_MANIFEST, baseUrl: target.api.url, env: credentials(target.env) });
      const plan = buildPlan(await loadManifest(REFERENCE_MANIFEST), { seed: 20261123, suites: ['revoked-token'] });
      const failed = declared.outcomes.filter((o) => o.error !== undefined);
      expect(failed.length).toBe(plan.cases.length);
      for (const { name, error } of failed) {
        const c = plan.cases.find((x) => x.title === name)!;
        expect(error).toContain(`npx harden run '${REFERENCE_MANIFEST}'`);
        expect(error).toContain(`--case '${c.id}'`);
        expect(error).toContain('--seed 20261123');
        expect(error).toContain(`--base-url ${target.api.url}`);
        expect(error).toMatch(/^\[status\] /);
        for (const secret of sessions[0]!.session.redactor.secrets) expect(error).not.toContain(secret);
      }
      expect(sessions.map((s) => s.closed)).toEqual([true]);
    } finally {
      await target.close();
    }
  });

  it('takes the seed from HARDEN_SEED, the base URL from the manifest when the target names none, and credentials from the environment', async () => {
    const target = await startTarget();
    try {
      const dir = mkdtempSync(join(tmpdir(), 'harden-define-suite-'));
      const manifest = join(dir, 'manifest.yaml');
      writeFileSync(manifest, readFileSync(REFERENCE_MANIFEST, 'utf8').replace(/^baseUrl: .*$/m, `baseUrl: ${target.api.url}`));
      vi.stubEnv('HARDEN_SEED', '7');
      for (const [k, v] of Object.entries(credentials(target.env))) vi.stubEnv(k, v);
      const declared = await declareAndRun('revoked-token', { manifest, baseUrl: '', env: {} });
      expect(declared.describes).toEqual(['orders-api › revoked-token (seed 7)']);
      expect(declared.outcomes.length).toBeGreaterThan(0);
      expect(declared.outcomes.filter((o) => o.error !== undefined)).toEqual([]);
    } finally {
      await target.close();
    }
  });

  it('reads an OpenAPI document with the overlay HARDEN_OVERLAY names', async () => {
    const target = await startTarget(['revoked-token-accepted']);
    try {
      vi.stubEnv('HARDEN_OVERLAY', 'fixtures/openapi/reference-api.overlay.yaml');
      const declared = await declareAndRun('revoked-token', { manifest: 'fixtures/openapi/reference-api.openapi.yaml', baseUrl: target.api.url, env: credentials(target.env) });
      expect(declared.outcomes.length).toBeGreaterThan(0);
      expect(declared.outcomes.filter((o) => o.error === undefined)).toEqual([]);
    } finally {
      await target.close();
    }
  });

  it('cleans up after a target it could not reach, leaving the error to name the target', async () => {
    const declared = await declareAndRun('revoked-token', { manifest: REFERENCE_MANIFEST, baseUrl: 'http://127.0.0.1:1', env: {} });
    expect(declared.beforeAllError).toMatch(/127\.0\.0\.1:1/);
    expect(declared.outcomes).toEqual([]);
  });

  it('declares a skipped test, not an empty suite, when the manifest plans no case for the suite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harden-define-suite-'));
    const manifest = join(dir, 'manifest.yaml');
    writeFileSync(manifest, readFileSync(REFERENCE_MANIFEST, 'utf8').replace(/^exposure: .*$/m, 'exposure: any'));
    const declared = await declareAndRun('exposure', { manifest, baseUrl: 'http://127.0.0.1:1', env: {} }).catch((error: Error) => error);
    expect(declared).not.toBeInstanceOf(Error);
    expect((declared as Declared).skipped).toEqual(['no exposure cases for this manifest']);
    expect((declared as Declared).outcomes).toEqual([]);
  });
});
