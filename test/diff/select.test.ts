import { describe, expect, it } from 'vitest';
import { manifestAtRef } from '../../src/diff/readAtRef.ts';
import { loadManifest } from '../../src/manifest/loadManifest.ts';
import { buildPlan } from '../../src/plan/buildPlan.ts';
import { applySelection, changedEndpoints, matchingEndpoints, narrowManifest, routeGlob, smokeCases } from '../../src/diff/select.ts';
import { runCli } from '../harness.ts';
import { gitRepo } from './gitRepo.ts';

const SEED = 7;
const PROTECTED = ['listOrders', 'getOrder', 'createOrder', 'updateOrder', 'deleteOrder', 'readAudit'];

describe('--changed-since selection', () => {
  const repo = gitRepo('fixtures/diff/base.yaml');
  repo.commit('fixtures/diff/request-schema-loosened.yaml', 'raise the quantity maximum');

  it('plans exactly the changed endpoint plus the no-credentials smoke on every protected route', async () => {
    const old = await manifestAtRef(repo.manifest, 'HEAD~1');
    const next = await loadManifest(repo.manifest);
    const selected = changedEndpoints(old, next);
    expect([...selected.keys()]).toEqual(['createOrder']);
    const full = buildPlan(next, { seed: SEED });
    const plan = applySelection(full, new Set(selected.keys()), smokeCases(next, old, SEED));
    const createOrder = full.cases.filter((c) => c.endpointId === 'createOrder').map((c) => c.id);
    const smoke = PROTECTED.filter((id) => id !== 'createOrder').map((id) => `${id}/unauthorized/no-credentials`);
    // The rotation drill's issue and revoke steps come along with createOrder's rotation probes; the exposure check always does.
    const drill = ['token-provider/rotation/issue-replacement', 'token-provider/rotation/revoke-old', 'listener/exposure/loopback-only'];
    expect(plan.cases.map((c) => c.id).sort()).toEqual([...createOrder, ...smoke, ...drill].sort());
    // The smoke is the unauthorized suite's own case: same id, seed, request and expectation.
    for (const c of plan.cases.filter((x) => smoke.includes(x.id))) expect(c).toEqual(full.cases.find((x) => x.id === c.id));
    // Planning only the narrowed manifest (what `harden run` does) gives the same plan.
    const narrow = applySelection(buildPlan(narrowManifest(next, new Set(selected.keys())), { seed: SEED }), new Set(selected.keys()), smokeCases(next, old, SEED));
    expect(narrow.cases.map((c) => c.id).sort()).toEqual(plan.cases.map((c) => c.id).sort());
  });

  it('harden diff --since HEAD~1 reports the committed change', async () => {
    const result = await runCli(['diff', '--since', 'HEAD~1', repo.manifest, '--format', 'json'], {});
    expect(JSON.parse(result.out).changes.map((c: { kind: string; endpoint: string }) => [c.kind, c.endpoint])).toEqual([['request-schema-loosened', 'createOrder']]);
    expect(result.code).toBe(1);
    expect((await runCli(['diff', '--since', 'HEAD', repo.manifest], {})).out).toContain('no changes to the security contract');
  });

  it('a path missing at the ref makes every endpoint added; an unknown ref is a usage error', async () => {
    const fresh = gitRepo('fixtures/diff/base.yaml');
    const result = await runCli(['diff', '--since', 'HEAD', `${fresh.dir}/other.yaml`], {});
    expect(result.code).toBe(2); // the new file itself does not exist either
    const added = await runCli(['diff', '--since', 'HEAD', fresh.manifest, '--format', 'json'], {});
    expect(added.code).toBe(0);
    fresh.git('checkout', '-q', '--orphan', 'empty');
    fresh.git('rm', '-q', '--cached', 'manifest.yaml');
    fresh.git('commit', '-q', '--allow-empty', '-m', 'empty');
    const all = JSON.parse((await runCli(['diff', '--since', 'HEAD', fresh.manifest, '--format', 'json'], {})).out);
    expect(all.changes.map((c: { kind: string }) => c.kind)).toEqual(Array(7).fill('endpoint-added'));
    expect((await runCli(['diff', '--since', 'no-such-ref', fresh.manifest], {})).code).toBe(2);
  });

  it('a route made public keeps an old-contract smoke, unless the new manifest approves it', async () => {
    const old = await loadManifest('fixtures/diff/base.yaml');
    const made = await loadManifest('fixtures/diff/authentication-removed.yaml');
    const approved = await loadManifest('fixtures/diff/authentication-removed-approved.yaml');
    const extra = smokeCases(made, old, SEED).filter((c) => c.endpointId === 'listOrders');
    expect(extra.map((c) => [c.id, c.request.method, c.request.path, c.expect.statuses])).toEqual([['listOrders/unauthorized/no-credentials-protected-before-this-change', 'GET', '/orders', [401]]]);
    expect(smokeCases(approved, old, SEED).some((c) => c.endpointId === 'listOrders')).toBe(false);
  });
});

describe('--endpoint globs', () => {
  it('* stays within a segment, ** crosses them, a method is optional', () => {
    const route = (glob: string, r: string) => routeGlob(glob).test(r);
    expect(route('POST /orders/*', 'POST /orders/{id}')).toBe(true);
    expect(route('POST /orders/*', 'POST /orders')).toBe(false);
    expect(route('POST /orders/*', 'POST /orders/{id}/cancel')).toBe(false);
    expect(route('POST /orders/**', 'POST /orders/{id}/cancel')).toBe(true);
    expect(route('post /orders', 'POST /orders')).toBe(true);
    expect(route('/orders', 'GET /orders')).toBe(true);
    expect(route('* /orders/{id}', 'DELETE /orders/{id}')).toBe(true);
    expect(route('GET /**', 'GET /admin/audit')).toBe(true);
    expect(route('GET /orders.json', 'GET /ordersXjson')).toBe(false);
  });

  it('selects by hand over the reference manifest, repeatable', async () => {
    const manifest = await loadManifest('fixtures/reference-api/manifest.yaml');
    expect([...matchingEndpoints(manifest, ['POST /orders']).keys()]).toEqual(['createOrder']);
    expect([...matchingEndpoints(manifest, ['* /orders/*', 'GET /admin/**']).keys()]).toEqual(['getOrder', 'updateOrder', 'deleteOrder', 'readAudit']);
  });
});
