import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HardenError } from '../errors.ts';
import type { OAuth2TokenProviderConfig } from '../manifest/types.ts';
import { revocationUnavailable } from '../plan/revocation.ts';
import { createDispatcher } from '../transport/createDispatcher.ts';
import { DEFAULT_LIMITS } from '../transport/limits.ts';
import type { Plan } from '../plan/case.ts';
import { Redactor } from '../transport/redactor.ts';
import { basicCredentials } from './formBody.ts';
import { acquireTokens } from './tokenSet.ts';
import { oauth2Provider } from './oauth2Provider.ts';
import { startAuthServer, type AuthServerOptions } from './startAuthServer.ts';

// Characters RFC 6749 §2.3.1 makes the client form-encode before Basic: a colon, a space, a percent, non-ASCII.
const CLIENT = { id: 'harden client:1', secret: 'sêcret %2B with:colon+plus' };
const OWNER = { username: 'alice@example.test', password: 'owner-pässword-123' };
const ENV = { OAUTH_CLIENT_ID: CLIENT.id, OAUTH_CLIENT_SECRET: CLIENT.secret, OAUTH_USERNAME: OWNER.username, OAUTH_PASSWORD: OWNER.password };
const dispatcher = createDispatcher(DEFAULT_LIMITS);
afterAll(() => dispatcher.close());

let servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function setUp(server: Omit<Partial<AuthServerOptions>, 'client'> & { client?: Partial<AuthServerOptions['client']> }, config: Partial<OAuth2TokenProviderConfig> = {}, env: Record<string, string> = ENV) {
  const auth = await startAuthServer({ ...server, owner: OWNER, client: { ...CLIENT, method: 'basic', ...server.client } });
  servers.push(auth);
  const full: OAuth2TokenProviderConfig = {
    provider: 'oauth2',
    tokenUrl: '/oauth/token',
    grant: 'client_credentials',
    clientAuth: 'client_secret_basic',
    clientId: { env: 'OAUTH_CLIENT_ID' },
    clientSecret: { env: 'OAUTH_CLIENT_SECRET' },
    revocationUrl: '/oauth/revoke',
    introspectionUrl: '/oauth/introspect',
    ...config,
  };
  const provider = oauth2Provider(full, { baseUrl: auth.url, dispatcher, limits: DEFAULT_LIMITS, env });
  return { auth, provider, config: full };
}

async function failure(promise: Promise<unknown>): Promise<HardenError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(HardenError);
  return error as HardenError;
}

describe('oauth2 provider: token requests (RFC 6749)', () => {
  it('client_secret_basic: a form-encoded request, the client in HTTP Basic with id and secret form-encoded (§2.3.1)', async () => {
    const { auth, provider } = await setUp({});
    const token = await provider.issue(['orders:read', 'orders:write']);
    expect(auth.isActive(token.value)).toBe(true);
    expect(token).toMatchObject({ scopes: ['orders:read', 'orders:write'], label: 'token#1', disposable: true });
    expect(token.expiresAt).toBeGreaterThan(Date.now());
    const [request] = auth.seen;
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request!.headers.authorization).toBe(`Basic ${basicCredentials(CLIENT.id, CLIENT.secret)}`);
    expect([...request!.form]).toEqual([['grant_type', 'client_credentials'], ['scope', 'orders:read orders:write']]);
  });

  it('client_secret_post: id and secret in the body, no Authorization header', async () => {
    const { auth, provider } = await setUp({ client: { method: 'post' } }, { clientAuth: 'client_secret_post' });
    await provider.issue(['orders:read']);
    expect(auth.seen[0]!.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(auth.seen[0]!.form)).toEqual({ grant_type: 'client_credentials', scope: 'orders:read', client_id: CLIENT.id, client_secret: CLIENT.secret });
  });

  it('clientAuth none: a public client sends only client_id in the body (§2.1, §3.2.1)', async () => {
    const { auth, provider } = await setUp({ client: { method: 'none' } }, { grant: 'password', clientAuth: 'none', clientSecret: undefined, username: { env: 'OAUTH_USERNAME' }, password: { env: 'OAUTH_PASSWORD' } });
    await provider.issue(['orders:read']);
    expect(auth.seen[0]!.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(auth.seen[0]!.form)).toEqual({ grant_type: 'password', username: OWNER.username, password: OWNER.password, scope: 'orders:read', client_id: CLIENT.id });
    expect(provider.secrets()).not.toContain(CLIENT.secret);
  });

  it('a server that authenticates the other way refuses, and the message names the §5.2 error and what to check', async () => {
    const { provider } = await setUp({ client: { method: 'post' } });
    const error = await failure(provider.issue(['orders:read']));
    expect(error.code).toBe('TOKEN_PROVIDER_FAILED');
    expect(error.message).toMatch(/answered 400 invalid_client: "client authentication failed"; check that \$OAUTH_CLIENT_ID and \$OAUTH_CLIENT_SECRET/);
    expect(error.message).toContain('clientAuth (client_secret_basic)');
  });

  it('a narrower grant than asked fails, naming the scopes asked and granted (§3.3)', async () => {
    const { provider } = await setUp({ misbehave: { narrowScope: true } });
    const error = await failure(provider.issue(['orders:read', 'orders:write']));
    expect(error.message).toContain('granted scope "orders:read" when "orders:read orders:write" was asked for (RFC 6749 §3.3)');
  });

  it('an unknown scope is the server\'s invalid_scope, with a hint about the catalogue', async () => {
    const { provider } = await setUp({});
    const error = await failure(provider.issue(['orders:delete']));
    expect(error.message).toMatch(/400 invalid_scope: "unknown scope"; the scope catalogue \(auth.scopes\)/);
  });

  it('refuses a token type other than Bearer; "bearer" in any case is fine (§5.1: case-insensitive)', async () => {
    const mac = await setUp({ misbehave: { tokenType: 'mac' } });
    expect((await failure(mac.provider.issue(['orders:read']))).message).toContain('issued a token of type "mac"; the harness presents Bearer tokens');
    const lower = await setUp({ misbehave: { tokenType: 'bEaReR' } });
    await expect(lower.provider.issue(['orders:read'])).resolves.toMatchObject({ scopes: ['orders:read'] });
  });

  it('password grant: sends the owner\'s credentials; its refresh token is a secret from the moment it arrives', async () => {
    const { auth, provider } = await setUp({}, { grant: 'password', username: { env: 'OAUTH_USERNAME' }, password: { env: 'OAUTH_PASSWORD' } });
    const announced: string[] = [];
    provider.onSecret!((secret) => announced.push(secret));
    const token = await provider.issue(['orders:read']);
    expect(Object.fromEntries(auth.seen[0]!.form)).toMatchObject({ grant_type: 'password', username: OWNER.username, password: OWNER.password });
    const refresh = announced[1]!;
    expect(announced).toEqual([token.value, refresh]);
    expect(provider.secrets()).toEqual(expect.arrayContaining([CLIENT.secret, OWNER.password, token.value, refresh]));
    // Revoking the run's token also revokes the grant's refresh token (RFC 7009, hint refresh_token).
    await provider.revoke(token);
    expect(auth.isRefreshActive(refresh)).toBe(false);
    expect(auth.seen.at(-1)!.form.get('token_type_hint')).toBe('refresh_token');
  });

  it('acquireTokens masks the refresh tokens of the run\'s grants as soon as they arrive', async () => {
    const { provider } = await setUp({}, { grant: 'password', username: { env: 'OAUTH_USERNAME' }, password: { env: 'OAUTH_PASSWORD' } });
    const redactor = new Redactor();
    const plan = { cases: [], tokens: { scopeSets: [['orders:read']], revoked: true, forged: [], rotation: false } } as unknown as Plan;
    const tokens = await acquireTokens(plan, provider, ['orders:read', 'orders:write'], redactor);
    expect(tokens.revoked?.label).toBe('token#2 (revoked)');
    for (const secret of provider.secrets()) expect(redactor.redact(`x ${secret} y`)).not.toContain(secret);
    expect(provider.secrets().length).toBeGreaterThanOrEqual(6);
  });

  it('refresh_token grant: uses the newest refresh token when the server rotates it (§6)', async () => {
    const seed = await setUp({}, { grant: 'password', username: { env: 'OAUTH_USERNAME' }, password: { env: 'OAUTH_PASSWORD' } });
    const announced: string[] = [];
    seed.provider.onSecret!((secret) => announced.push(secret));
    await seed.provider.issue(['orders:read', 'orders:write']);
    const userRefresh = announced[1]!;
    const provider = oauth2Provider(
      { ...seed.config, grant: 'refresh_token', username: undefined, password: undefined, refreshToken: { env: 'OAUTH_REFRESH_TOKEN' } },
      { baseUrl: seed.auth.url, dispatcher, limits: DEFAULT_LIMITS, env: { ...ENV, OAUTH_REFRESH_TOKEN: userRefresh } },
    );
    const first = await provider.issue(['orders:read']);
    const second = await provider.issue(['orders:write']);
    expect(seed.auth.isActive(first.value) && seed.auth.isActive(second.value)).toBe(true);
    expect(seed.auth.seen.at(-2)!.form.get('refresh_token')).toBe(userRefresh);
    expect(provider.secrets()).toContain(userRefresh);
  });
});

describe('oauth2 provider: revocation (RFC 7009) confirmed by introspection (RFC 7662)', () => {
  it('revokes with token and token_type_hint, then introspection shows active: false', async () => {
    const { auth, provider } = await setUp({});
    const revoked = await provider.revoked(['orders:read']);
    expect(revoked.label).toBe('token#1 (revoked)');
    expect(auth.isActive(revoked.value)).toBe(false);
    const [, revoke, introspect] = auth.seen;
    expect(revoke!.path).toBe('/oauth/revoke');
    expect(Object.fromEntries(revoke!.form)).toEqual({ token: revoked.value, token_type_hint: 'access_token' });
    expect(revoke!.headers.authorization).toMatch(/^Basic /);
    expect(introspect!.path).toBe('/oauth/introspect');
  });

  it('a server that answers 200 but keeps the token active is caught by introspection', async () => {
    const { provider } = await setUp({ misbehave: { revokeIgnored: true } });
    const error = await failure(provider.revoked(['orders:read']));
    expect(error.message).toContain('the server still says the token is active, so the revocation did not take effect');
  });

  it('without introspection, the 200 is taken at its word (it is all RFC 7009 gives)', async () => {
    const { provider } = await setUp({ misbehave: { revokeIgnored: true } }, { introspectionUrl: undefined });
    await expect(provider.revoked(['orders:read'])).resolves.toMatchObject({ label: 'token#1 (revoked)' });
  });

  it('without a revocationUrl, nothing is issued and revocation is not proven', async () => {
    const { auth, provider, config } = await setUp({}, { revocationUrl: undefined, introspectionUrl: undefined });
    expect((await failure(provider.revoked(['orders:read']))).message).toContain('auth.tokens names no revocationUrl (RFC 7009)');
    expect(auth.seen).toEqual([]);
    expect(revocationUnavailable(config)).toContain('revocationUrl');
    expect(revocationUnavailable({ ...config, revocationUrl: '/oauth/revoke' })).toBeUndefined();
  });
});

describe('oauth2 provider: where it sends and what it says', () => {
  it('refuses a token URL on another origin before sending anything', async () => {
    const error = await failure(setUp({}, { tokenUrl: 'http://127.0.0.2:9/oauth/token' }));
    expect(error.code).toBe('TARGET_REFUSED');
    expect(error.message).toContain('auth.tokens.tokenUrl is on http://127.0.0.2:9');
  });

  it('accepts an absolute URL on the target\'s origin', async () => {
    const auth = await startAuthServer({ client: { ...CLIENT, method: 'basic' } });
    servers.push(auth);
    const provider = oauth2Provider(
      { provider: 'oauth2', tokenUrl: `${auth.url.origin}/oauth/token`, grant: 'client_credentials', clientAuth: 'client_secret_basic', clientId: { env: 'OAUTH_CLIENT_ID' }, clientSecret: { env: 'OAUTH_CLIENT_SECRET' } },
      { baseUrl: new URL('/api/v1', auth.url), dispatcher, limits: DEFAULT_LIMITS, env: ENV },
    );
    await expect(provider.issue(['orders:read'])).resolves.toMatchObject({ scopes: ['orders:read'] });
  });

  it('no secret, password or token appears in any message, even when the server echoes them', async () => {
    const messages: string[] = [];
    const secrets = new Set<string>([CLIENT.secret, OWNER.password, basicCredentials(CLIENT.id, CLIENT.secret)]);
    const collect = async (promise: Promise<unknown>) => messages.push((await failure(promise)).message);

    const echo = await setUp({ client: { method: 'post' }, misbehave: { echoSecret: true } }, { clientAuth: 'client_secret_post' });
    echo.auth.seen.length = 0;
    const wrong = oauth2Provider({ ...echo.config }, { baseUrl: echo.auth.url, dispatcher, limits: DEFAULT_LIMITS, env: { ...ENV, OAUTH_CLIENT_SECRET: `${CLIENT.secret}-wrong` } });
    secrets.add(`${CLIENT.secret}-wrong`);
    await collect(wrong.issue(['orders:read']));
    const owner = await setUp({}, { grant: 'password', username: { env: 'OAUTH_USERNAME' }, password: { env: 'OAUTH_PASSWORD' } }, { ...ENV, OAUTH_PASSWORD: 'not-the-password-42' });
    secrets.add('not-the-password-42');
    await collect(owner.provider.issue(['orders:read']));
    const narrow = await setUp({ misbehave: { narrowScope: true } });
    await collect(narrow.provider.issue(['orders:read', 'orders:write']));
    const ignored = await setUp({ misbehave: { revokeIgnored: true } });
    const tokens: string[] = [];
    ignored.provider.onSecret!((s) => tokens.push(s));
    await collect(ignored.provider.revoked(['orders:read']));
    await collect(setUp({}, {}, { OAUTH_CLIENT_ID: CLIENT.id }));

    expect(messages).toHaveLength(5);
    expect(messages[0]).toContain('[REDACTED]');
    for (const message of messages) {
      for (const secret of [...secrets, ...tokens]) {
        expect(message).not.toContain(secret);
        expect(message).not.toContain(encodeURIComponent(secret));
        expect(message).not.toContain(new URLSearchParams([['', secret]]).toString().slice(1));
      }
    }
  });
});
