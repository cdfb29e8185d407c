/**
 * The vitest front: one test file per request suite (so vitest's own `--shard`, which splits by
 * file, divides the cases), one test per planned case, named exactly as its JUnit testcase, so a
 * developer can run `npx vitest suites/revoked-token` or `npx vitest suites -t "POST /orders"` while
 * changing an endpoint. Target: HARDEN_MANIFEST (+ HARDEN_OVERLAY for an OpenAPI document) and
 * HARDEN_BASE_URL, or the bundled reference API. Seed: HARDEN_SEED. `npx vitest suites --watch`
 * re-plans when the manifest changes.
 */
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { openManifest } from '../src/openapi/openManifest.ts';
import { buildPlan } from '../src/plan/buildPlan.ts';
import type { SuiteId } from '../src/plan/case.ts';
import { failureDetails } from '../src/report/caseDetails.ts';
import { openSession, type Session } from '../src/run/openSession.ts';

/** vitest's collectors, which a test of defineSuite replaces to run the declared cases itself. */
export interface SuiteCollectors {
  afterAll: typeof afterAll;
  beforeAll: typeof beforeAll;
  describe: typeof describe;
  inject: typeof inject;
  it: typeof it;
}

/**
 * Declares one suite's cases. A suite planned alone holds exactly the cases (and inputs) it holds
 * in the whole plan, so the names, seeds and replay lines match `harden run`. Each file has its own
 * session (its own tokens); the rotation drill's steps stay in order inside their file.
 */
export async function defineSuite(suite: SuiteId, vitest: SuiteCollectors = { afterAll, beforeAll, describe, inject, it }): Promise<void> {
  const target = vitest.inject('hardenTarget');
  // A manifest, or an OpenAPI document with HARDEN_OVERLAY.
  const { manifest } = await openManifest(target.manifest, process.env.HARDEN_OVERLAY);
  const seed = Number(process.env.HARDEN_SEED ?? 20261123);
  const plan = buildPlan(manifest, { seed, suites: [suite] });
  const baseUrl = target.baseUrl || manifest.baseUrl;

  vitest.describe(`${manifest.service} › ${suite} (seed ${seed})`, () => {
    let session: Session;
    vitest.beforeAll(async () => {
      session = await openSession({ manifest, plan, baseUrl, env: { ...process.env, ...target.env } });
    });
    vitest.afterAll(async () => session?.close());

    if (plan.cases.length === 0) vitest.it.skip(`no ${suite} cases for this manifest`, () => {});
    for (const c of plan.cases) {
      vitest.it(c.title, async () => {
        const result = await session.runCase(c);
        if (result.status !== 'passed') {
          throw new Error(session.redactor.redact(failureDetails(result, manifest.source, seed, baseUrl)));
        }
      });
    }
  });
}
