import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpTokenProviderConfig } from '../manifest/types.ts';
import { revocationUnavailable } from '../plan/revocation.ts';
import { createDispatcher } from '../transport/createDispatcher.ts';
import { DEFAULT_LIMITS } from '../transport/limits.ts';
import { httpProvider } from './httpProvider.ts';

const USER = 'login user';
const PASSWORD = 'pässword&with=form+chars';
const ENV = { LOGIN_USER: USER, LOGIN_PASSWORD: PASSWORD };
const seen: { contentType?: string; body: string }[] = [];
const dispatcher = createDispatcher(DEFAULT_LIMITS);
let baseUrl: URL;

// A login route that takes either a form or JSON, and answers a token only for the right password.
const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    seen.push({ contentType: req.headers['content-type'], body });
    const fields = req.headers['content-type'] === 'application/x-www-form-urlencoded' ? Object.fromEntries(new URLSearchParams(body)) : (JSON.parse(body) as Record<string, string>);
    const ok = fields.user === USER && fields.password === PASSWORD;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify(ok ? { token: 'login-token-0123456789' } : { error: 'bad login' }));
  });
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(async () => {
  await dispatcher.close();
  await new Promise((resolve) => server.close(resolve));
});

const login = (encoding: 'json' | 'form'): HttpTokenProviderConfig => ({
  provider: 'http',
  issue: { method: 'POST', path: '/login', encoding, body: { user: { env: 'LOGIN_USER' }, password: { env: 'LOGIN_PASSWORD' }, scope: '{{scope}}' }, tokenPointer: '/token', idPointer: '/id' },
  revoke: 'none',
});

describe('http provider: login routes', () => {
  it('encoding form: a form body, each { env } replaced by the variable\'s value', async () => {
    seen.length = 0;
    const provider = httpProvider(login('form'), { baseUrl, dispatcher, limits: DEFAULT_LIMITS, env: ENV });
    const token = await provider.issue(['orders:read', 'orders:write']);
    expect(token.value).toBe('login-token-0123456789');
    expect(seen[0]!.contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(seen[0]!.body))).toEqual({ user: USER, password: PASSWORD, scope: 'orders:read orders:write' });
    expect(provider.secrets()).toEqual(expect.arrayContaining([USER, PASSWORD]));
  });

  it('encoding json (the default): the same template as JSON', async () => {
    seen.length = 0;
    const provider = httpProvider(login('json'), { baseUrl, dispatcher, limits: DEFAULT_LIMITS, env: ENV });
    await provider.issue([]);
    expect(seen[0]!.contentType).toBe('application/json');
    expect(JSON.parse(seen[0]!.body)).toEqual({ user: USER, password: PASSWORD, scope: '' });
  });

  it('a missing variable stops the provider before anything is sent, naming the variable and never a value', () => {
    seen.length = 0;
    expect(() => httpProvider(login('form'), { baseUrl, dispatcher, limits: DEFAULT_LIMITS, env: { LOGIN_USER: USER } })).toThrow(/LOGIN_PASSWORD \(a value of auth.tokens.issue.body\) is not set/);
    expect(seen).toEqual([]);
  });

  it('a wrong password is a provider failure whose message holds no secret', async () => {
    const provider = httpProvider(login('form'), { baseUrl, dispatcher, limits: DEFAULT_LIMITS, env: { ...ENV, LOGIN_PASSWORD: 'wrong-password-99' } });
    const error = await provider.issue(['orders:read']).catch((e: Error) => e);
    expect((error as Error).message).toContain('answered 401');
    expect((error as Error).message).not.toContain('wrong-password-99');
  });

  it('revocation: none: no revoked token is made (nothing is issued), and the plan is told why', async () => {
    seen.length = 0;
    const provider = httpProvider(login('form'), { baseUrl, dispatcher, limits: DEFAULT_LIMITS, env: ENV });
    await expect(provider.revoked(['orders:read'])).rejects.toThrow(/revocation: none/);
    expect(seen).toEqual([]);
    expect(revocationUnavailable(login('form'))).toBe('the manifest says the API cannot revoke tokens (auth.tokens.revocation: none)');
  });
});
