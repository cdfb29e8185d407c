import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseManifest } from '../manifest/parseManifest.ts';
import type { Manifest } from '../manifest/types.ts';
import { materialise } from '../run/materialise.ts';
import { scopeKey, type TokenSet } from '../tokens/tokenSet.ts';
import { buildPlan } from './buildPlan.ts';

/** The problems a manifest is refused with, one line each. */
function problems(text: string): string {
  try {
    parseManifest(text, 'm.yaml');
    return '';
  } catch (error) {
    return ((error as { problems?: { message: string }[] }).problems ?? []).map((p) => p.message).join('\n');
  }
}

/** The reference manifest under another scheme, with static credentials (keys or user:password). */
function under(auth: Record<string, unknown>): Manifest {
  const raw = parse(readFileSync('fixtures/reference-api/manifest.yaml', 'utf8'));
  const scopes = Object.keys(raw.auth.scopes);
  raw.auth = { ...auth, scopes: raw.auth.scopes, tokens: { provider: 'static', tokens: scopes.map((s: string, i: number) => ({ scopes: [s], env: `K${i}` })) } };
  return parseManifest(stringify(raw), 'under.yaml');
}

const variants = (m: Manifest) => new Set(buildPlan(m, { seed: 1, suites: ['unauthorized', 'malformed'] }).cases.map((c) => c.variant));

function sent(m: Manifest, variant: string) {
  const c = buildPlan(m, { seed: 1, suites: ['unauthorized', 'malformed', 'positive'] }).cases.find((x) => x.variant === variant && x.endpointId === 'getOrder')!;
  const scopes = c.credential?.token?.kind === 'live' ? c.credential.token.scopes : [];
  const tokens: TokenSet = { live: new Map([[scopeKey(scopes), { value: 'alice:pa55word', scopes, label: 'K0', disposable: false }]]), forged: new Map() };
  return { c, request: materialise(c, new URL('http://127.0.0.1:9'), tokens) };
}

describe('credentials as the scheme presents them', () => {
  it('an API key in a header: the key alone under its name, refused empty, under Bearer, in the query and in a cookie', () => {
    const m = under({ scheme: 'apiKey', in: 'header', name: 'X-API-Key' });
    expect(sent(m, 'documented example').request.headers['x-api-key']).toBe('alice:pa55word');
    expect(sent(m, 'documented example').request.headers.authorization).toBeUndefined();
    const v = variants(m);
    for (const name of ['empty key', 'key under bearer', 'key in query parameter', 'key in cookie']) expect(v.has(name), name).toBe(true);
    for (const name of ['wrong scheme', 'empty bearer', 'token in query string', 'malformed authorization header']) expect(v.has(name), name).toBe(false);
    // Under its own name and the names APIs commonly read, in one request.
    const query = new URL(sent(m, 'key in query parameter').request.url).searchParams;
    for (const name of ['X-API-Key', 'api_key', 'apikey', 'apiKey', 'key', 'access_token', 'token']) expect(query.get(name), name).toBe('alice:pa55word');
    expect(sent(m, 'key in cookie').request.headers.cookie).toBe('X-API-Key=alice:pa55word');
    expect(sent(m, 'key under bearer').request.headers.authorization).toBe('Bearer alice:pa55word');
    expect(sent(m, 'empty key').request.headers['x-api-key']).toBe('');
    // No challenge is required of an API key's 401 unless the manifest names one.
    expect(m.errors.challenge).toBeNull();
    expect(sent(m, 'no credentials').c.expect.challenge).toBeUndefined();
  });

  it('an API key in the query goes in the query, and is tried in a header', () => {
    const m = under({ scheme: 'apiKey', in: 'query', name: 'api_key', challenge: 'ApiKey' });
    expect(sent(m, 'documented example').request.url).toMatch(/[?&]api_key=alice%3Apa55word$/);
    expect(sent(m, 'key in header').request.headers.api_key).toBe('alice:pa55word');
    expect(m.errors.challenge).toBe('ApiKey');
    expect(sent(m, 'no credentials').c.expect.challenge).toEqual({ scheme: 'ApiKey' });
  });

  it('HTTP Basic: user:password in base64 (RFC 7617 §2), refused unencoded, empty, under Bearer and with junk; a Basic challenge', () => {
    const m = under({ scheme: 'basic', realm: 'orders' });
    const b64 = Buffer.from('alice:pa55word').toString('base64');
    expect(sent(m, 'documented example').request.headers.authorization).toBe(`Basic ${b64}`);
    expect(sent(m, 'wrong scheme').request.headers.authorization).toBe(`Bearer ${b64}`);
    expect(sent(m, 'basic not base64').request.headers.authorization).toBe('Basic alice:pa55word');
    expect(sent(m, 'empty basic').request.headers.authorization).toBe('Basic ');
    expect(sent(m, 'malformed basic credentials').request.headers.authorization).toBe(`Basic ${b64} x`);
    expect(m.errors.challenge).toBe('Basic');
    // A 401 must offer Basic; Basic has no error codes, and a 403 asks for no challenge.
    expect(sent(m, 'no credentials').c.expect.challenge).toEqual({ scheme: 'Basic' });
    const denied = buildPlan(m, { seed: 1, suites: ['unauthorized'] }).cases.find((c) => c.matrix?.expected === 'deny')!;
    expect(denied.expect.challenge).toBeUndefined();
  });

  it('a route any valid credential grants (authenticated: true): a live credential with no scope, and no deny cells', () => {
    const raw = parse(readFileSync('fixtures/reference-api/manifest.yaml', 'utf8'));
    const first = raw.endpoints.find((e: { id: string }) => e.id === 'getOrder');
    delete first.scopes;
    first.authenticated = true;
    raw.auth.tokens = { provider: 'static', tokens: [{ scopes: [], env: 'ANY' }, { scopes: ['orders:read'], env: 'R' }, { scopes: ['orders:write'], env: 'W' }, { scopes: ['orders:admin'], env: 'A' }] };
    expect(problems(stringify(raw))).toBe('');
    const m = parseManifest(stringify(raw), 'authenticated.yaml');
    const endpoint = m.endpoints.find((e) => e.id === 'getOrder')!;
    expect(endpoint).toMatchObject({ public: false, scopes: [] });
    const cases = buildPlan(m, { seed: 1 }).cases.filter((c) => c.endpointId === endpoint.id);
    expect(cases.find((c) => c.suite === 'positive')?.credential?.token).toEqual({ kind: 'live', scopes: [] });
    expect(cases.some((c) => c.matrix?.expected === 'deny')).toBe(false);
    expect(cases.some((c) => c.variant === 'no credentials')).toBe(true);
  });

  it('refuses authenticated: true beside scopes or public, and a bearer-only provider under another scheme', () => {
    const raw = parse(readFileSync('fixtures/reference-api/manifest.yaml', 'utf8'));
    raw.endpoints.find((e: { id: string }) => e.id === 'getOrder').authenticated = true;
    expect(problems(stringify(raw))).toMatch(/authenticated: true \(any valid credential\) and also which scopes grant it/);
    const jwt = parse(readFileSync('fixtures/reference-api/manifest.yaml', 'utf8'));
    jwt.auth.scheme = 'basic';
    jwt.auth.tokens = { provider: 'jwt', algorithm: 'HS256', key: { env: 'K' } };
    expect(problems(stringify(jwt))).toMatch(/issues bearer tokens, but auth.scheme is basic/);
    const key = parse(readFileSync('fixtures/reference-api/manifest.yaml', 'utf8'));
    key.auth.scheme = 'apiKey';
    expect(problems(stringify(key))).toMatch(/in|name/);
  });
});
