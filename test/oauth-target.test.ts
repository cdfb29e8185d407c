import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BODY_LIMIT_BYTES, OAUTH_REGRESSION_IDS, SEEDED_ACCOUNT_IDS, SEEDED_TRANSFER_ID, startOauthApi, type OauthApi } from '../fixtures/oauth-api/index.ts';
import { NEW_TRANSFER_SCHEMA } from '../fixtures/oauth-api/schemas.ts';
import { call, clientBasic, clientToken, passwordGrant, postForm, sendOversized } from './oauthClient.ts';
import { targetSeeds } from './targetSeeds.ts';
import { explainRun, mapLimited, OAUTH_PASSWORD_OVERLAY, oauth2ProviderState, runHardenOnOauth, type EvidenceCase, type OauthRun } from './oauthCli.ts';

/**
 * The OAuth 2.0 payments target (fixtures/oauth-api), tested over HTTP against the RFCs it follows:
 * RFC 6749 (token endpoint), RFC 7009 (revocation), RFC 7662 (introspection), RFC 6750 (bearer use)
 * and RFC 9457 (problems). The harness's own verdicts on it are in the second half.
 */
const DOCUMENT = 'fixtures/oauth-api/openapi.yaml';
const [FROM, TO] = SEEDED_ACCOUNT_IDS;
const transfer = { fromAccountId: FROM, toAccountId: TO, amount: 2500, reference: 'Invoice 2026-118' };

describe('the OAuth target follows the RFCs', () => {
  let api: OauthApi;
  let basic: string;
  // A secret with characters form-encoding changes: RFC 6749 §2.3.1 encodes before Basic.
  beforeAll(async () => {
    api = await startOauthApi({ clientId: 'payments client', clientSecret: 's3cr+t:%/é' });
    basic = clientBasic(api.clientId, api.clientSecret);
  });
  afterAll(() => api.close());

  describe('token endpoint (RFC 6749)', () => {
    it('issues a client-credentials token by Basic: §5.1 members, no refresh token (§4.4.3), no-store', async () => {
      const issued = await postForm(api, '/oauth/token', { grant_type: 'client_credentials', scope: 'accounts:read transfers:read' }, { authorization: basic });
      expect(issued.status).toBe(200);
      expect(issued.headers.get('cache-control')).toBe('no-store');
      const body = issued.json();
      expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'scope', 'token_type']);
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'accounts:read transfers:read' });
    });

    it('takes client_id and client_secret from the form (client_secret_post), but not both methods at once (§2.3)', async () => {
      const form = { grant_type: 'client_credentials', scope: 'accounts:read', client_id: api.clientId, client_secret: api.clientSecret };
      expect((await postForm(api, '/oauth/token', form)).status).toBe(200);
      const both = await postForm(api, '/oauth/token', form, { authorization: basic });
      expect([both.status, both.json().error]).toEqual([400, 'invalid_request']);
    });

    it('refuses a wrong secret with 401 invalid_client and a Basic challenge (§5.2)', async () => {
      const refused = await postForm(api, '/oauth/token', { grant_type: 'client_credentials' }, { authorization: clientBasic(api.clientId, 'wrong') });
      expect([refused.status, refused.json().error]).toEqual([401, 'invalid_client']);
      expect(refused.headers.get('www-authenticate')).toMatch(/^Basic realm="payments"/);
    });

    it('answers §5.2 errors: JSON body, unknown grant, unknown scope, repeated parameter, missing grant_type', async () => {
      const json = await call(api, 'POST', '/oauth/token', basic, { grant_type: 'client_credentials' });
      expect([json.status, json.json().error]).toEqual([400, 'invalid_request']);
      const cases: [Record<string, string>, string][] = [
        [{ grant_type: 'authorization_code' }, 'unsupported_grant_type'],
        [{ grant_type: 'client_credentials', scope: 'accounts:read accounts:admin' }, 'invalid_scope'],
        [{ grant_type: 'client_credentials', scope: 'accounts:read  transfers:read' }, 'invalid_scope'],
        [{ scope: 'accounts:read' }, 'invalid_request'],
      ];
      for (const [form, error] of cases) {
        const refused = await postForm(api, '/oauth/token', form, { authorization: basic });
        expect([refused.status, refused.json().error], JSON.stringify(form)).toEqual([400, error]);
      }
      const repeated = await fetch(`${api.url}/oauth/token`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&scope=a&scope=b' });
      expect([repeated.status, ((await repeated.json()) as { error: string }).error]).toEqual([400, 'invalid_request']);
    });
  });

  describe('refresh (§6) and revocation (RFC 7009, RFC 7662)', () => {
    it('refreshes to the granted scope or less, never more', async () => {
      const { refresh } = await passwordGrant(api, 'accounts:read transfers:read');
      const narrower = await postForm(api, '/oauth/token', { grant_type: 'refresh_token', refresh_token: refresh, scope: 'accounts:read' }, { authorization: basic });
      expect([narrower.status, narrower.json().scope]).toEqual([200, 'accounts:read']);
      const same = await postForm(api, '/oauth/token', { grant_type: 'refresh_token', refresh_token: refresh }, { authorization: basic });
      expect([same.status, same.json().scope]).toEqual([200, 'accounts:read transfers:read']);
      const wider = await postForm(api, '/oauth/token', { grant_type: 'refresh_token', refresh_token: refresh, scope: 'accounts:read transfers:write' }, { authorization: basic });
      expect([wider.status, wider.json().error]).toEqual([400, 'invalid_scope']);
    });

    it('revoking the access token revokes the grant: the refresh token gets invalid_grant (RFC 7009 §2.1)', async () => {
      const { access, refresh } = await passwordGrant(api, 'accounts:read');
      expect((await postForm(api, '/oauth/revoke', { token: access, token_type_hint: 'access_token' }, { authorization: basic })).status).toBe(200);
      const refreshed = await postForm(api, '/oauth/token', { grant_type: 'refresh_token', refresh_token: refresh }, { authorization: basic });
      expect([refreshed.status, refreshed.json().error]).toEqual([400, 'invalid_grant']);
    });

    it('revoking the refresh token revokes its access tokens; introspection says inactive', async () => {
      const { access, refresh } = await passwordGrant(api, 'accounts:read');
      expect((await postForm(api, '/oauth/introspect', { token: access }, { authorization: basic })).json()).toMatchObject({ active: true, scope: 'accounts:read' });
      expect((await postForm(api, '/oauth/revoke', { token: refresh, token_type_hint: 'refresh_token' }, { authorization: basic })).status).toBe(200);
      expect((await call(api, 'GET', '/accounts', `Bearer ${access}`)).status).toBe(401);
      for (const token of [access, refresh, 'never-issued']) expect((await postForm(api, '/oauth/introspect', { token }, { authorization: basic })).json()).toEqual({ active: false });
    });

    it('answers 200 to the revocation of an unknown token (§2.2) and refuses revocation without client authentication', async () => {
      expect((await postForm(api, '/oauth/revoke', { token: 'never-issued' }, { authorization: basic })).status).toBe(200);
      const anonymous = await postForm(api, '/oauth/revoke', { token: 'never-issued' });
      expect([anonymous.status, anonymous.json().error]).toEqual([401, 'invalid_client']);
    });
  });

  describe('the resource API (RFC 6750, RFC 9457)', () => {
    it('no credentials, or another scheme: 401 with a bare Bearer challenge (§3.1)', async () => {
      for (const authorization of [undefined, 'Basic dXNlcjpwYXNz', 'Token abc']) {
        const refused = await call(api, 'GET', '/accounts', authorization);
        expect([refused.status, refused.headers.get('www-authenticate')], String(authorization)).toEqual([401, 'Bearer realm="payments"']);
        expect(refused.headers.get('content-type')).toBe('application/problem+json');
      }
    });

    it('malformed bearer credentials: 400 invalid_request (§2.1, §3.1)', async () => {
      const token = await clientToken(api, 'accounts:read');
      for (const authorization of ['Bearer', `Bearer ${token} ${token}`, 'Bearer a!b', 'Bearer "abc"']) {
        const refused = await call(api, 'GET', '/accounts', authorization);
        expect(refused.status, authorization).toBe(400);
        expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer realm="payments", error="invalid_request"/);
        expect(refused.json()).toMatchObject({ status: 400, title: 'Malformed credentials' });
      }
    });

    it('unknown token 401 invalid_token; insufficient scope 403 insufficient_scope naming the scope', async () => {
      const unknown = await call(api, 'GET', '/accounts', `Bearer ${'A'.repeat(5000)}`);
      expect([unknown.status, unknown.headers.get('www-authenticate')]).toEqual([401, 'Bearer realm="payments", error="invalid_token", error_description="The access token is invalid"']);
      const token = await clientToken(api, 'accounts:read transfers:read');
      const refused = await call(api, 'POST', '/transfers', `Bearer ${token}`, transfer);
      expect([refused.status, refused.headers.get('www-authenticate')]).toEqual([403, 'Bearer realm="payments", error="insufficient_scope", scope="transfers:write"']);
    });

    it('transfers: the example is created; an unknown account is the documented 404, the same account twice 422', async () => {
      const token = `Bearer ${await clientToken(api, 'transfers:write transfers:read')}`;
      const created = await call(api, 'POST', '/transfers', token, transfer);
      expect(created.status).toBe(201);
      expect((await call(api, 'GET', created.headers.get('location')!, token)).json()).toEqual(created.json());
      const unknown = await call(api, 'POST', '/transfers', token, { ...transfer, toAccountId: '00000000-0000-4000-8000-000000000000' });
      expect([unknown.status, unknown.json().title]).toEqual([404, 'Account not found']);
      expect((await call(api, 'POST', '/transfers', token, { ...transfer, toAccountId: FROM })).status).toBe(422);
      expect((await call(api, 'POST', '/transfers', token, { ...transfer, amount: 0 })).status).toBe(400);
      expect((await call(api, 'POST', '/transfers', token, '{"amount":', 'application/json')).status).toBe(400);
      expect((await call(api, 'POST', '/transfers', token, JSON.stringify(transfer), 'text/plain')).status).toBe(415);
      expect((await call(api, 'GET', `/transfers/${SEEDED_TRANSFER_ID}`, token)).status).toBe(200);
      expect((await call(api, 'GET', '/transfers?limit=0', token)).status).toBe(400);
    });

    it('a body over the limit: 413, Connection: close, and the socket is closed', async () => {
      const token = await clientToken(api, 'transfers:write');
      const raw = await sendOversized(api, '/transfers', { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, BODY_LIMIT_BYTES + 1);
      expect(raw).toMatch(/^HTTP\/1\.1 413 /);
      expect(raw.toLowerCase()).toContain('\r\nconnection: close\r\n');
      const tokenEndpoint = await sendOversized(api, '/oauth/token', { authorization: clientBasic(api.clientId, api.clientSecret), 'content-type': 'application/x-www-form-urlencoded' }, BODY_LIMIT_BYTES + 1);
      expect(tokenEndpoint).toMatch(/^HTTP\/1\.1 413 /);
    });
  });

  it('the OpenAPI document describes this server: the body schema, seeded ids, scopes', () => {
    const document = parse(readFileSync(DOCUMENT, 'utf8'));
    expect(document.components.schemas.NewTransfer).toEqual(NEW_TRANSFER_SCHEMA);
    const example = document.paths['/transfers'].post.requestBody.content['application/json'].examples.payroll.value;
    expect(example).toEqual(transfer);
    expect(document.paths['/accounts/{accountId}'].get.parameters[0].example).toBe(FROM);
    expect(document.paths['/transfers/{transferId}'].get.parameters[0].example).toBe(SEEDED_TRANSFER_ID);
    expect(Object.keys(document.components.securitySchemes.oauth.flows.clientCredentials.scopes)).toEqual(['accounts:read', 'transfers:read', 'transfers:write']);
  });
});

/** What each regression changes, seen over HTTP: the harness is asked to catch exactly this. */
const REGRESSION_SYMPTOMS: Record<(typeof OAUTH_REGRESSION_IDS)[number], (api: OauthApi) => Promise<void>> = {
  'revoked-token-accepted': async (api) => {
    const token = await clientToken(api, 'accounts:read');
    await postForm(api, '/oauth/revoke', { token }, { authorization: clientBasic(api.clientId, api.clientSecret) });
    expect((await postForm(api, '/oauth/introspect', { token }, { authorization: clientBasic(api.clientId, api.clientSecret) })).json()).toEqual({ active: false });
    expect((await call(api, 'GET', '/accounts', `Bearer ${token}`)).status).toBe(200);
  },
  'revocation-ignored': async (api) => {
    const basic = clientBasic(api.clientId, api.clientSecret);
    const token = await clientToken(api, 'accounts:read');
    expect((await postForm(api, '/oauth/revoke', { token }, { authorization: basic })).status).toBe(200);
    expect((await postForm(api, '/oauth/introspect', { token }, { authorization: basic })).json()).toMatchObject({ active: true });
  },
  'refresh-after-revocation': async (api) => {
    const basic = clientBasic(api.clientId, api.clientSecret);
    const { access, refresh } = await passwordGrant(api, 'accounts:read');
    await postForm(api, '/oauth/revoke', { token: access }, { authorization: basic });
    const refreshed = await postForm(api, '/oauth/token', { grant_type: 'refresh_token', refresh_token: refresh }, { authorization: basic });
    expect(refreshed.status).toBe(200);
    expect((await call(api, 'GET', '/accounts', `Bearer ${refreshed.json().access_token}`)).status).toBe(200);
  },
  'refresh-widens-scope': async (api) => {
    const { refresh } = await passwordGrant(api, 'accounts:read');
    const wider = await postForm(api, '/oauth/token', { grant_type: 'refresh_token', refresh_token: refresh, scope: 'accounts:read transfers:write' }, { authorization: clientBasic(api.clientId, api.clientSecret) });
    expect([wider.status, wider.json().scope]).toEqual([200, 'accounts:read transfers:write']);
  },
  'scope-check-missing': async (api) => {
    expect((await call(api, 'POST', '/transfers', `Bearer ${await clientToken(api, 'accounts:read')}`, transfer)).status).toBe(201);
  },
  'malformed-bearer-500': async (api) => {
    const token = await clientToken(api, 'accounts:read');
    for (const authorization of ['Bearer', `Bearer ${token} ${token}`]) expect((await call(api, 'GET', '/accounts', authorization)).status).toBe(500);
  },
  'express-error-page': async (api) => {
    const page = await call(api, 'POST', '/transfers', `Bearer ${await clientToken(api, 'transfers:write')}`, '{"amount":');
    expect([page.status, page.headers.get('content-type')]).toEqual([400, 'text/html; charset=utf-8']);
    expect(page.text).toMatch(/<pre>SyntaxError: .*<br> &nbsp; &nbsp;at JSON\.parse \(&lt;anonymous&gt;\)<br>/);
  },
  'foreign-key-500': async (api) => {
    const answer = await call(api, 'POST', '/transfers', `Bearer ${await clientToken(api, 'transfers:write')}`, { ...transfer, toAccountId: '00000000-0000-4000-8000-000000000000' });
    expect([answer.status, answer.json().detail]).toEqual([500, expect.stringContaining('foreign key constraint')]);
  },
  'expiry-ignored': async () => {
    // Tokens that live one second, on the regressed target and on the hardened one.
    const [ignoring, hardened] = await Promise.all([startOauthApi({ regressions: ['expiry-ignored'], accessTokenTtlSeconds: 1 }), startOauthApi({ accessTokenTtlSeconds: 1 })]);
    try {
      const tokens = await Promise.all([clientToken(ignoring, 'accounts:read'), clientToken(hardened, 'accounts:read')]);
      await new Promise((resolve) => setTimeout(resolve, 1_300));
      expect((await call(ignoring, 'GET', '/accounts', `Bearer ${tokens[0]}`)).status).toBe(200);
      expect((await call(hardened, 'GET', '/accounts', `Bearer ${tokens[1]}`)).status).toBe(401);
    } finally {
      await Promise.all([ignoring.close(), hardened.close()]);
    }
  },
  'body-limit-missing': async (api) => {
    const token = await clientToken(api, 'transfers:write');
    const oversized = await call(api, 'POST', '/transfers', `Bearer ${token}`, { ...transfer, reference: 'x'.repeat(BODY_LIMIT_BYTES) });
    expect(oversized.status).toBe(400);
  },
};

describe('each regression changes its own behaviour', () => {
  it.each(OAUTH_REGRESSION_IDS)('%s', async (id) => {
    const api = await startOauthApi({ regressions: [id] });
    try {
      await REGRESSION_SYMPTOMS[id](api);
    } finally {
      await api.close();
    }
  });

  it('an unknown regression id is refused, naming the valid ones', async () => {
    await expect(startOauthApi({ regressions: ['revoked-tokens-accepted'] })).rejects.toThrow(/Unknown OAuth API regression.*revoked-token-accepted/);
  });
});

/**
 * The harness against this target, through the CLI as a user runs it: the hardened target must exit 0
 * on every seed, and each regression must make the gate fail on the case meant to catch it.
 * `--runs 10` per property case; four child runs at a time, each mostly start-up (about 5 s of CPU).
 * A few seeds here; `npm run targets` runs 20 (docs/targets.md).
 */
const RUNS = 10;
const SEEDS = targetSeeds();
const PROVIDER = oauth2ProviderState();

const failedOn = (c: EvidenceCase, check: string) => c.verdict === 'failed' && c.findings.some((f) => f.check === check);

/**
 * Each regression, the overlay it needs, and the case that must catch it; or, for a revocation that
 * does nothing, the run stopping (exit 3) with the token provider's account of it.
 */
const CATCHES: { regression: (typeof OAUTH_REGRESSION_IDS)[number]; overlay?: string; ttl?: number; suites?: string; by: string; caught?: (c: EvidenceCase) => boolean; stops?: RegExp }[] = [
  { regression: 'revocation-ignored', by: 'introspection after revoking (the run stops)', stops: /revocation did not take effect/ },
  { regression: 'revoked-token-accepted', by: 'the revoked-token suite (status)', caught: (c) => c.suite === 'revoked-token' && failedOn(c, 'status') },
  { regression: 'scope-check-missing', by: 'the scope matrix on POST /transfers', caught: (c) => c.suite === 'unauthorized' && c.endpoint.id === 'createTransfer' && c.matrix?.expected === 'deny' && failedOn(c, 'status') },
  { regression: 'malformed-bearer-500', by: 'malformed authorization header(s) (no-server-error)', caught: (c) => c.suite === 'malformed' && c.variant.startsWith('malformed authorization header') && failedOn(c, 'no-server-error') },
  { regression: 'express-error-page', by: 'broken JSON on POST /transfers (error-content-type, no-leak)', caught: (c) => c.suite === 'malformed' && c.endpoint.id === 'createTransfer' && c.variant === 'broken JSON' && failedOn(c, 'error-content-type') && failedOn(c, 'no-leak') },
  { regression: 'foreign-key-500', by: 'generated inputs on POST /transfers (no-server-error)', caught: (c) => c.suite === 'positive' && c.endpoint.id === 'createTransfer' && failedOn(c, 'no-server-error') },
  { regression: 'expiry-ignored', ttl: 2, suites: 'revoked-token', by: 'the expired token (status)', caught: (c) => c.variant === 'expired token' && failedOn(c, 'status') },
  { regression: 'body-limit-missing', by: 'the oversized body on POST /transfers (status)', caught: (c) => c.suite === 'malformed' && c.variant === 'oversized body' && failedOn(c, 'status') },
  { regression: 'refresh-after-revocation', overlay: OAUTH_PASSWORD_OVERLAY, by: 'the refresh with a revoked refresh token (status)', caught: (c) => c.id === 'token-endpoint/refresh/refresh-with-a-revoked-refresh-token' && failedOn(c, 'status') },
  { regression: 'refresh-widens-scope', overlay: OAUTH_PASSWORD_OVERLAY, by: 'the refresh asking for more scope (status)', caught: (c) => c.id === 'token-endpoint/refresh/refresh-asking-for-more-scope-than-granted' && failedOn(c, 'status') },
];

describe.skipIf(!PROVIDER.ready)(`the harness on the OAuth target, through the CLI${PROVIDER.ready ? '' : ` (skipped: ${PROVIDER.reason})`}`, () => {
  let hardened: OauthRun[];
  let password: OauthRun;
  let encoded: OauthRun[];
  let regressed: Map<string, OauthRun>;
  beforeAll(async () => {
    type Job = { key: string; seed: number; regressions?: string[]; overlay?: string; suites?: string; clientId?: string; clientSecret?: string; accessTokenTtlSeconds?: number };
    const jobs: Job[] = [
      ...SEEDS.map((seed) => ({ key: `seed ${seed}`, seed })),
      { key: 'password', seed: 1, overlay: OAUTH_PASSWORD_OVERLAY },
      // RFC 6749 §2.3.1: characters form-encoding changes, in Basic and in the form.
      { key: 'encoded', seed: 2, suites: 'revoked-token,rotation', clientId: 'payments client', clientSecret: 's3cr+t:%/é' },
      { key: 'encoded, post', seed: 2, suites: 'revoked-token,rotation', clientId: 'payments client', clientSecret: 's3cr+t:%/é', overlay: OAUTH_PASSWORD_OVERLAY },
      // Tokens that live two seconds: the expiry cases wait for theirs to run out (limits.expiryWaitSeconds).
      { key: 'expiry', seed: 1, suites: 'revoked-token', accessTokenTtlSeconds: 2 },
      ...CATCHES.map(({ regression, overlay, ttl, suites }) => ({ key: regression, seed: 1, regressions: [regression], overlay, suites, accessTokenTtlSeconds: ttl })),
    ];
    const runs = await mapLimited(jobs, 4, ({ key: _key, ...job }) => runHardenOnOauth({ runs: RUNS, ...job }));
    const byKey = new Map(jobs.map((job, i) => [job.key, runs[i]!]));
    hardened = SEEDS.map((seed) => byKey.get(`seed ${seed}`)!);
    password = byKey.get('password')!;
    encoded = [byKey.get('encoded')!, byKey.get('encoded, post')!];
    regressed = byKey;
  }, 900_000);

  it.each(SEEDS)('hardened, seed %i: exit 0, every suite ran, nothing leaked', (seed) => {
    const run = hardened[seed - 1]!;
    expect(run.code, explainRun(run)).toBe(0);
    for (const suite of ['positive', 'revoked-token', 'unauthorized', 'malformed', 'rotation']) expect(run.cases.some((c) => c.suite === suite), suite).toBe(true);
    // The document's request example is sent first, and a correct API creates the transfer it describes.
    expect(run.cases.find((c) => c.id === 'createTransfer/positive/documented-example')?.status).toBe(201);
    expect(run.leaked).toEqual([]);
  });

  it('hardened, through the password grant with account ids pinned by the overlay: exit 0', () => {
    expect(password.code, explainRun(password)).toBe(0);
    expect(password.leaked).toEqual([]);
    // The grants are the run's own: both refresh cases were sent and refused (RFC 6749 §5.2).
    expect(password.cases.filter((c) => c.suite === 'refresh').map((c) => [c.variant, c.verdict, c.status])).toEqual([
      ['refresh with a revoked refresh token', 'passed', 400],
      ['refresh asking for more scope than granted', 'passed', 400],
    ]);
  });

  it('a token left to expire is refused everywhere once its expires_in has passed; with a lifetime past the wait, expiry is not proven', () => {
    const expiry = regressed.get('expiry')!;
    expect(expiry.code, explainRun(expiry)).toBe(0);
    const expired = expiry.cases.filter((c) => c.variant === 'expired token');
    expect(expired.length).toBeGreaterThan(0);
    expect(expired.every((c) => c.verdict === 'passed' && c.status === 401)).toBe(true);
    const later = hardened[0]!.cases.filter((c) => c.variant === 'expired token');
    expect(later.every((c) => c.verdict === 'not-proven')).toBe(true);
    expect(expiry.leaked).toEqual([]);
  });

  it('client credentials that form-encoding changes authenticate by Basic and by the form (RFC 6749 §2.3.1)', () => {
    for (const run of encoded) {
      expect(run.code, explainRun(run)).toBe(0);
      expect(run.leaked).toEqual([]);
    }
  });

  it.for(CATCHES)('$regression: the gate fails, caught by $by', ({ regression, caught, stops }) => {
    const run = regressed.get(regression)!;
    expect(run.leaked).toEqual([]);
    if (stops) {
      expect(run.code, explainRun(run)).toBe(3);
      expect(run.stderr).toMatch(stops);
      return;
    }
    expect(run.code, explainRun(run)).toBe(1);
    expect(run.cases.filter(caught!).map((c) => c.id), explainRun(run)).not.toEqual([]);
  });
});
