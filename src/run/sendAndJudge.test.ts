import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { createSchemaValidator } from '../checks/schemaValidator.ts';
import { loadManifest } from '../manifest/loadManifest.ts';
import { buildPlan } from '../plan/buildPlan.ts';
import { DEFAULT_LIMITS } from '../transport/limits.ts';
import { Redactor } from '../transport/redactor.ts';
import type { TokenSet } from '../tokens/tokenSet.ts';
import { sendAndJudge } from './sendAndJudge.ts';

// The race (a 413, then a reset while the repeat's body is still being written) cannot be produced
// on demand by a real server, so undici's MockAgent stands in for the connection here.
describe('sendAndJudge', () => {
  it('judges the first answer alone when the repeat meets a reset after a 413 (RFC 9110 §15.5.14)', async () => {
    const manifest = await loadManifest('fixtures/reference-api/manifest.yaml');
    const c = buildPlan(manifest, { seed: 1, suites: ['malformed'] }).cases.find((x) => x.variant === 'oversized body')!;
    expect(c.repeat).toBe(true);
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get('http://127.0.0.1:9');
    const problem = JSON.stringify({ type: 'about:blank', title: 'Payload too large', status: 413 });
    pool.intercept({ path: c.request.path, method: c.request.method }).reply(413, problem, { headers: { 'content-type': 'application/problem+json' } });
    pool.intercept({ path: c.request.path, method: c.request.method }).replyWithError(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    const live = new Map([[c.credential!.token!.kind === 'live' ? c.credential!.token!.scopes.join(' ') : '', { value: 'tok', scopes: [], label: 'token#1', disposable: false }]]);
    const tokens = { live, forged: new Map() } as unknown as TokenSet;
    const outcome = await sendAndJudge(c, c.request, {
      baseUrl: new URL('http://127.0.0.1:9'),
      dispatcher: agent,
      limits: DEFAULT_LIMITS,
      tokens,
      contract: manifest.errors,
      schemas: createSchemaValidator(manifest),
      redactor: new Redactor(),
    });
    expect(outcome.failure).toBeUndefined();
    expect(outcome.exchanges.map((e) => e.response?.status)).toEqual([413]);
    expect(outcome.findings).toEqual([]);
    await agent.close();
  });
});
