import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../src/manifest/loadManifest.ts';
import { buildPlan } from '../src/plan/buildPlan.ts';
import { SUITES } from '../src/plan/case.ts';
import { REFERENCE_JWT_MANIFEST, REFERENCE_MANIFEST } from './harness.ts';

describe('the vitest front', () => {
  it('has one file per suite, so vitest --shard (which splits by file) divides it', () => {
    const files = readdirSync('suites').filter((f) => f.endsWith('.test.ts')).sort();
    expect(files).toEqual(SUITES.map((s) => `${s}.test.ts`).sort());
    for (const suite of SUITES) expect(readFileSync(`suites/${suite}.test.ts`, 'utf8')).toContain(`defineSuite('${suite}')`);
  });

  it('plans each suite alone exactly as the whole plan holds it: same names, seeds and inputs as harden run', async () => {
    const manifests = await Promise.all([REFERENCE_MANIFEST, REFERENCE_JWT_MANIFEST].map((f) => loadManifest(f)));
    fc.assert(
      fc.property(fc.constantFrom(...manifests), fc.nat(), fc.constantFrom(...SUITES), fc.integer({ min: 1, max: 5 }), (manifest, seed, suite, runs) => {
        const whole = buildPlan(manifest, { seed, runs }).cases.filter((c) => c.suite === suite);
        expect(JSON.stringify(buildPlan(manifest, { seed, runs, suites: [suite] }).cases)).toBe(JSON.stringify(whole));
      }),
      { numRuns: 25 },
    );
  });
});

/** The environment of a child vitest: this one's, without what would point it elsewhere or mark it as a vitest worker. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|HARDEN_|REFERENCE_REGRESSIONS$|GITHUB_)/.test(k)));
  return { ...env, ...extra, NO_COLOR: '1' };
}

type Reported = { title: string; status: string; failureMessages: string[] };

/** `npx vitest run suites/revoked-token` as a developer runs it, against the reference API with these regressions on. */
function runFront(regressions: string): { status: number | null; stderr: string; results: Reported[] } {
  const report = join(mkdtempSync(join(tmpdir(), 'harden-front-')), 'report.json');
  const child = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'suites/revoked-token', '--reporter=json', `--outputFile=${report}`], {
    env: childEnv({ REFERENCE_REGRESSIONS: regressions }),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const parsed = JSON.parse(readFileSync(report, 'utf8')) as { testResults: { assertionResults: Reported[] }[] };
  return { status: child.status, stderr: child.stderr, results: parsed.testResults.flatMap((f) => f.assertionResults) };
}

/** The front cannot "never throw": a regression the suite exists for fails it, case by case, and the hardened API passes it. */
describe('the vitest front run as a developer runs it', () => {
  it('fails on a regressed API, naming each case the regression breaks', async () => {
    const front = runFront('revoked-token-accepted');
    expect(front.status, front.stderr).toBe(1);
    const cases = buildPlan(await loadManifest(REFERENCE_MANIFEST), { seed: 20261123, suites: ['revoked-token'] }).cases;
    expect(front.results.map((r) => r.title).sort()).toEqual(cases.map((c) => c.title).sort());
    for (const c of cases) {
      const result = front.results.find((r) => r.title === c.title)!;
      expect(result.status, c.title).toBe('failed');
      expect(result.failureMessages.join('\n')).toContain(`--case '${c.id}'`);
    }
  }, 150_000);

  it('passes on the hardened API', () => {
    const front = runFront('');
    expect(front.status, front.stderr).toBe(0);
    expect(front.results.length).toBeGreaterThan(0);
    expect(front.results.filter((r) => r.status !== 'passed')).toEqual([]);
  }, 150_000);
});
