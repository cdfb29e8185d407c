import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startTarget } from '../harness.ts';
import { gitRepo } from './gitRepo.ts';

/**
 * The developer marks GET /orders public and selects only POST /orders by hand; the API (with the
 * no-auth-on-route regression) really serves GET /orders anonymously. The old-contract smoke
 * must fail even though the selection did not ask for GET /orders.
 */
describe('a route made public is caught by the smoke', () => {
  let target: Awaited<ReturnType<typeof startTarget>>;
  beforeAll(async () => {
    target = await startTarget(['no-auth-on-route']);
  });
  afterAll(() => target.close());

  it('fails listOrders/unauthorized/no-credentials-protected-before-this-change', async () => {
    const repo = gitRepo('fixtures/diff/base.yaml');
    repo.edit('fixtures/diff/authentication-removed.yaml');
    const result = await runCli(['run', repo.manifest, '--base-url', target.api.url, '--seed', '1', '--runs', '5', '--changed-since', 'HEAD', '--endpoint', 'POST /orders'], target.env);
    expect(result.out).toContain('selection (--changed-since HEAD --endpoint "POST /orders")');
    expect(result.out).toContain('GET /orders › unauthorized › no credentials (protected before this change): public now, protected at HEAD');
    const evidence = JSON.parse(readFileSync(join(result.reports, 'evidence.json'), 'utf8')) as { cases: { id: string; verdict: string }[] };
    const failed = evidence.cases.filter((c) => c.verdict === 'failed').map((c) => c.id);
    expect(failed).toEqual(['listOrders/unauthorized/no-credentials-protected-before-this-change']);
    expect(evidence.cases.some((c) => c.id.startsWith('createOrder/positive/'))).toBe(true);
    expect(evidence.cases.some((c) => c.id.startsWith('getOrder/') && !c.id.endsWith('/unauthorized/no-credentials'))).toBe(false);
    expect(result.code).toBe(1);
  });
});
