import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, MockAgent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchemaValidator } from '../checks/schemaValidator.ts';
import { loadManifest } from '../manifest/loadManifest.ts';
import { buildPlan } from '../plan/buildPlan.ts';
import { DEFAULT_LIMITS } from '../transport/limits.ts';
import { Redactor } from '../transport/redactor.ts';
import { scopeKey, type TokenSet } from '../tokens/tokenSet.ts';
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

  // A server that closes every connection as soon as a request's head arrives, body unread: what a
  // server without RFC 9112 §9.6's staged close does past its body limit, made deterministic.
  describe('a connection closed under the upload', () => {
    let server: Server;
    let agent: Agent;
    let baseUrl: URL;
    beforeAll(async () => {
      server = createServer((req) => req.socket.destroy());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      baseUrl = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      agent = new Agent();
    });
    afterAll(async () => {
      await agent.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    const send = async (variant: string, suite: 'malformed' | 'positive') => {
      const manifest = await loadManifest('fixtures/reference-api/manifest.yaml');
      const c = buildPlan(manifest, { seed: 1, suites: [suite] }).cases.find((x) => x.variant === variant && x.request.method === 'POST')!;
      const scopes = c.credential?.token?.kind === 'live' ? c.credential.token.scopes : [];
      const tokens: TokenSet = { live: new Map([[scopeKey(scopes), { value: 'tok', scopes: [...scopes], label: 'token#1', disposable: false }]]), forged: new Map() };
      return sendAndJudge(c, c.request, { baseUrl, dispatcher: agent, limits: DEFAULT_LIMITS, tokens, contract: manifest.errors, schemas: createSchemaValidator(manifest), redactor: new Redactor() });
    };

    it('is a refusal for a body the case expects refused as too large: no error, the reset kept as evidence', async () => {
      const outcome = await send('oversized body', 'malformed');
      expect(outcome.failure).toBeUndefined();
      expect(outcome.findings).toEqual([]);
      expect(outcome.exchanges.map((e) => e.failure?.kind)).toEqual(['connection-reset']);
    });

    it('is an error for a body the API must read', async () => {
      const outcome = await send('documented example', 'positive');
      expect(outcome.failure?.kind).toBe('connection-reset');
    });
  });
});
