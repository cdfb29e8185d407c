import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  BODY_LIMIT_BYTES,
  DRAIN_LIMIT_BYTES,
  KEYS_REGRESSION_IDS,
  NEW_KEY_SCHEMA,
  NOTE_INPUT_SCHEMA,
  SCOPES,
  SEEDED_NOTES,
  startKeysApi,
  type KeysApi,
  type KeysRegressionId,
} from '../fixtures/keys-api/index.ts';

/**
 * The API-key + HTTP Basic notes target (fixtures/keys-api), tested over HTTP against what it follows:
 * RFC 7617 (Basic), RFC 9110 (challenges, 405, HEAD), RFC 9112 §9.6 (no reset under an upload) and
 * RFC 9457 (problems); its keys, scopes and per-principal notes; and what each regression changes.
 */
const DOCUMENT = 'fixtures/keys-api/openapi.yaml';
const CHALLENGE = 'Basic realm="notes", charset="UTF-8"';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
/** Every request a test sends is bounded. */
const BOUND_MS = 10_000;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: () => Record<string, unknown>;
}

/** RFC 7617 §2 with charset UTF-8: base64 of the UTF-8 bytes of `user:password`. */
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
const as = (api: KeysApi, user: string) => ({ authorization: basic(user, api.users[user]!.password) });

async function call(api: KeysApi, method: string, path: string, headers: Record<string, string> = {}, body?: unknown, contentType = 'application/json'): Promise<Answer> {
  const all = body === undefined ? headers : { 'content-type': contentType, ...headers };
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(`${api.url}${path}`, { method, headers: all, body: payload, signal: AbortSignal.timeout(BOUND_MS) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

/** A key issued to `user` by Basic; throws unless issued. */
async function issueKey(api: KeysApi, user: string, scopes: readonly string[]): Promise<{ id: string; key: string }> {
  const issued = await call(api, 'POST', '/keys', as(api, user), { scopes });
  if (issued.status !== 201) throw new Error(`POST /keys answered ${issued.status}: ${issued.text}`);
  return issued.json() as { id: string; key: string };
}

const withKey = (key: string) => ({ 'x-api-key': key });

/** The same problem answer, whatever varies between two of them (nothing should). */
const problemOf = (a: Answer) => ({ status: a.status, contentType: a.headers.get('content-type'), challenge: a.headers.get('www-authenticate'), body: a.text });

/**
 * One raw connection: bytes written as given, everything received kept, and how it ended — an error
 * code such as ECONNRESET is what the 413 tests must never see.
 */
async function openRaw(api: KeysApi) {
  const { hostname, port } = new URL(api.url);
  const socket = connect(Number(port), hostname);
  await once(socket, 'connect');
  let received = '';
  let error: string | undefined;
  let notify = () => {};
  socket.setTimeout(BOUND_MS, () => socket.destroy(new Error('the connection stayed open')));
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1');
    notify();
  });
  socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
  const closed = new Promise<{ text: string; error?: string }>((resolve) => socket.on('close', () => resolve({ text: received, error })));
  return {
    head: (method: string, path: string, headers: Record<string, string>) =>
      `${method} ${path} HTTP/1.1\r\n${Object.entries({ host: `${hostname}:${port}`, ...headers }).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`,
    write: (data: string | Buffer) => new Promise<void>((resolve, reject) => socket.write(data, (e) => (e ? reject(e) : resolve()))),
    /** Resolves once what came back matches, or with what there was when the connection closed. */
    until: (pattern: RegExp) =>
      Promise.race([
        new Promise<string>((resolve) => {
          notify = () => pattern.test(received) && resolve(received);
          notify();
        }),
        closed.then((c) => c.text),
      ]),
    end: () => socket.end(),
    closed,
  };
}

describe('the keys target', () => {
  let api: KeysApi;
  beforeAll(async () => {
    // A principal whose name and password need UTF-8 (RFC 7617 §2.1), the password with a colon in it.
    api = await startKeysApi({ users: { 'zoë': { password: 'pässwörd:€ 1', roles: ['notes:read'] } } });
  });
  afterAll(() => api.close());

  describe('HTTP Basic (RFC 7617)', () => {
    it('good credentials authenticate, the scheme in any case and after several spaces', async () => {
      const { password } = api.users.alice;
      for (const authorization of [basic('alice', password), basic('alice', password).replace('Basic', 'basic'), basic('alice', password).replace('Basic', 'BASIC'), basic('alice', password).replace(' ', '   ')]) {
        expect((await call(api, 'GET', '/notes', { authorization })).status, authorization).toBe(200);
      }
    });

    it('UTF-8 user-id and password, split at the first colon, compared in NFC', async () => {
      expect((await call(api, 'GET', '/notes', { authorization: basic('zoë', 'pässwörd:€ 1') })).status).toBe(200);
      expect((await call(api, 'GET', '/notes', { authorization: basic('zoe\u0308', 'pässwörd:€ 1') })).status).toBe(200);
      // The same bytes read as Latin-1 by the client are another password.
      const latin1 = `Basic ${Buffer.from('zoë:pässwörd:€ 1', 'latin1').toString('base64')}`;
      expect((await call(api, 'GET', '/notes', { authorization: latin1 })).status).toBe(401);
    });

    it('a wrong password and an unknown user: the same 401, with the challenge', async () => {
      const wrong = await call(api, 'GET', '/notes', { authorization: basic('alice', `${api.users.alice.password}x`) });
      const unknown = await call(api, 'GET', '/notes', { authorization: basic('mallory', api.users.alice.password) });
      const otherUsers = await call(api, 'GET', '/notes', { authorization: basic('alice', api.users.bob.password) });
      expect(problemOf(wrong)).toEqual(problemOf(unknown));
      expect(problemOf(wrong)).toEqual(problemOf(otherUsers));
      expect([wrong.status, wrong.headers.get('www-authenticate')]).toEqual([401, CHALLENGE]);
    });

    it('malformed credentials: 401 with the same challenge (RFC 7617 says nothing else)', async () => {
      const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
      const malformed = [
        'Basic',
        'Basic ',
        'Basic !!!!',
        `Basic ${b64('alice')}`, // no colon
        `Basic ${b64(`alice:${api.users.alice.password}`).replace(/=+$/, '')}x`, // not base64
        `Basic ${Buffer.from([0x61, 0x3a, 0xff, 0xfe]).toString('base64')}`, // not UTF-8
        `Basic ${b64(`ali\u0001ce:${api.users.alice.password}`)}`, // a control character
        `Basic ${b64(`alice:${api.users.alice.password}`)} extra`,
        'Digest username="alice"',
        'Token abc',
      ];
      for (const authorization of malformed) {
        const refused = await call(api, 'GET', '/notes', { authorization });
        expect([refused.status, refused.headers.get('www-authenticate')], authorization).toEqual([401, CHALLENGE]);
        expect(refused.json()).toMatchObject({ status: 401, title: 'Malformed credentials' });
      }
    });

    it('every 401 carries the challenge: no credentials, on every route', async () => {
      for (const [method, path] of [['GET', '/notes'], ['POST', '/notes'], ['GET', `/notes/${SEEDED_NOTES.alice}`], ['PUT', `/notes/${SEEDED_NOTES.alice}`], ['DELETE', `/notes/${SEEDED_NOTES.alice}`], ['GET', '/keys'], ['POST', '/keys'], ['DELETE', `/keys/${UNKNOWN_ID}`]] as const) {
        const refused = await call(api, method, path);
        expect([refused.status, refused.headers.get('www-authenticate')], `${method} ${path}`).toEqual([401, CHALLENGE]);
        expect(refused.json()).toEqual({ type: 'https://errors.notes.example/missing-credentials', title: 'Authentication required', status: 401, detail: expect.any(String) });
      }
    });
  });

  describe('API keys', () => {
    it('issues a key: 201, no-store, the scopes asked for, the caller as owner; listed without its value', async () => {
      const issued = await call(api, 'POST', '/keys', as(api, 'alice'), { scopes: ['notes:read'], name: 'backup' });
      expect(issued.status).toBe(201);
      expect(issued.headers.get('cache-control')).toBe('no-store');
      const body = issued.json();
      expect(body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), key: expect.stringMatching(/^nk_[A-Za-z0-9_-]{43}$/), scopes: ['notes:read'], owner: 'alice', name: 'backup', createdAt: expect.any(String) });
      expect(api.issuedKeys()).toContain(body.key);
      const listed = await call(api, 'GET', '/keys', as(api, 'alice'));
      expect(listed.status).toBe(200);
      expect(listed.json().items).toContainEqual({ id: body.id, owner: 'alice', scopes: ['notes:read'], name: 'backup', createdAt: body.createdAt });
      for (const key of api.issuedKeys()) expect(listed.text).not.toContain(key);
      // Keys are per principal: bob's list holds none of alice's.
      expect((await call(api, 'GET', '/keys', as(api, 'bob'))).json().items).not.toContainEqual(expect.objectContaining({ id: body.id }));
    });

    it('a key authenticates in X-API-Key, the header name in any case, with its own scopes only', async () => {
      const { key } = await issueKey(api, 'alice', ['notes:read']);
      expect((await call(api, 'GET', '/notes', withKey(key))).status).toBe(200);
      const created = await call(api, 'POST', '/notes', withKey(key), { title: 't', text: '' });
      expect([created.status, created.json().requiredScope, created.headers.get('www-authenticate')]).toEqual([403, 'notes:write', null]);
      const raw = await openRaw(api);
      await raw.write(raw.head('GET', '/notes', { 'X-Api-KEY': key, connection: 'close' }));
      expect((await raw.closed).text).toMatch(/^HTTP\/1\.1 200 /);
    });

    it('scopes are a subset of the owner\'s roles (403), from the catalogue (400), at least one', async () => {
      expect((await call(api, 'POST', '/keys', as(api, 'reader'), { scopes: ['notes:write'] })).status).toBe(403);
      expect((await call(api, 'POST', '/keys', as(api, 'reader'), { scopes: ['notes:read', 'notes:write'] })).json()).toMatchObject({ status: 403, title: 'Scope not held' });
      const unknown = await call(api, 'POST', '/keys', as(api, 'alice'), { scopes: ['notes:admin'] });
      expect([unknown.status, unknown.json().title]).toEqual([400, 'Unknown scope']);
      expect((await call(api, 'POST', '/keys', as(api, 'alice'), { scopes: [] })).status).toBe(400);
      expect((await call(api, 'POST', '/keys', as(api, 'alice'), { scopes: ['notes:read'], admin: true })).status).toBe(400);
      const { key } = await issueKey(api, 'writer', ['notes:write']);
      expect((await call(api, 'GET', '/notes', withKey(key))).status).toBe(403);
      expect((await call(api, 'POST', '/notes', withKey(key), { title: 'by key', text: '' })).status).toBe(201);
    });

    it('a key cannot manage keys: 401 with the Basic challenge', async () => {
      const { id, key } = await issueKey(api, 'alice', ['notes:read', 'notes:write']);
      for (const [method, path, body] of [['POST', '/keys', { scopes: ['notes:read'] }], ['GET', '/keys', undefined], ['DELETE', `/keys/${id}`, undefined]] as const) {
        const refused = await call(api, method, path, withKey(key), body);
        expect([refused.status, refused.headers.get('www-authenticate')], `${method} ${path}`).toEqual([401, CHALLENGE]);
      }
      expect((await call(api, 'GET', '/notes', withKey(key))).status).toBe(200);
    });

    it('revoking: 204, then the key is refused with 401; again, or by another principal, 404', async () => {
      const { id, key } = await issueKey(api, 'alice', ['notes:read']);
      const foreign = await call(api, 'DELETE', `/keys/${id}`, as(api, 'bob'));
      expect([foreign.status, foreign.json().title]).toEqual([404, 'Key not found']);
      expect((await call(api, 'GET', '/notes', withKey(key))).status).toBe(200);
      expect((await call(api, 'DELETE', `/keys/${id}`, as(api, 'alice'))).status).toBe(204);
      const revoked = await call(api, 'GET', '/notes', withKey(key));
      expect([revoked.status, revoked.headers.get('www-authenticate')]).toEqual([401, CHALLENGE]);
      expect((await call(api, 'DELETE', `/keys/${id}`, as(api, 'alice'))).status).toBe(404);
      expect((await call(api, 'GET', '/keys', as(api, 'alice'))).json().items).not.toContainEqual(expect.objectContaining({ id }));
      expect((await call(api, 'DELETE', '/keys/not-a-uuid', as(api, 'alice'))).status).toBe(400);
    });

    it('a key anywhere but X-API-Key is no credential: query, cookie, Authorization Bearer — 401', async () => {
      const { key } = await issueKey(api, 'alice', ['notes:read']);
      for (const [path, headers] of [[`/notes?api_key=${key}`, {}], ['/notes', { cookie: `api_key=${key}` }], ['/notes', { authorization: `Bearer ${key}` }], ['/notes', { 'x-api-key': `Bearer ${key}` }]] as const) {
        const refused = await call(api, 'GET', path, headers);
        expect([refused.status, refused.headers.get('www-authenticate')], `${path} ${JSON.stringify(headers)}`).toEqual([401, CHALLENGE]);
      }
    });

    it('only the exact key: an extension, a prefix, another case, an empty header — 401', async () => {
      const { key } = await issueKey(api, 'alice', ['notes:read']);
      for (const near of [`${key}x`, key.slice(0, -1), key.slice(0, 8), key.toUpperCase(), ' ', '']) {
        const refused = await call(api, 'GET', '/notes', withKey(near));
        expect([refused.status, refused.headers.get('www-authenticate')], JSON.stringify(near)).toEqual([401, CHALLENGE]);
      }
    });

    it('both credentials: allowed when both are good and name one principal; otherwise 401', async () => {
      const { key } = await issueKey(api, 'alice', ['notes:read']);
      expect((await call(api, 'GET', '/notes', { ...withKey(key), ...as(api, 'alice') })).status).toBe(200);
      // The narrower of the two applies: the key has no notes:write.
      expect((await call(api, 'POST', '/notes', { ...withKey(key), ...as(api, 'alice') }, { title: 't', text: '' })).status).toBe(403);
      expect((await call(api, 'GET', '/notes', { ...withKey(key), ...as(api, 'bob') })).status).toBe(401);
      expect((await call(api, 'GET', '/notes', { ...withKey(key), authorization: basic('alice', 'wrong') })).status).toBe(401);
      expect((await call(api, 'GET', '/notes', { ...withKey(`${key}x`), ...as(api, 'alice') })).status).toBe(401);
      expect((await call(api, 'GET', '/notes', { ...withKey(key), authorization: 'Bearer abc' })).status).toBe(401);
    });
  });

  describe('notes', () => {
    it('create, read, list, change, delete: the caller\'s own note', async () => {
      const created = await call(api, 'POST', '/notes', as(api, 'bob'), { title: 'Plan', text: 'Ship on Friday.' });
      expect(created.status).toBe(201);
      const note = created.json();
      expect(note).toEqual({ id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/), owner: 'bob', title: 'Plan', text: 'Ship on Friday.', createdAt: expect.any(String) });
      expect(created.headers.get('location')).toBe(`/notes/${note.id}`);
      expect((await call(api, 'GET', created.headers.get('location')!, as(api, 'bob'))).json()).toEqual(note);
      expect((await call(api, 'GET', `/notes/${String(note.id).toUpperCase()}`, as(api, 'bob'))).json()).toEqual(note);
      expect((await call(api, 'GET', '/notes', as(api, 'bob'))).json().items).toContainEqual(note);
      const changed = await call(api, 'PUT', `/notes/${note.id}`, as(api, 'bob'), { title: 'Plan B', text: '' });
      expect([changed.status, changed.json()]).toEqual([200, { ...note, title: 'Plan B', text: '' }]);
      expect((await call(api, 'DELETE', `/notes/${note.id}`, as(api, 'bob'))).status).toBe(204);
      expect((await call(api, 'GET', `/notes/${note.id}`, as(api, 'bob'))).status).toBe(404);
    });

    it('another principal\'s note: 404 for read, change and delete, the same answer as an unknown id', async () => {
      const alice = SEEDED_NOTES.alice;
      const before = (await call(api, 'GET', `/notes/${alice}`, as(api, 'alice'))).json();
      const { key } = await issueKey(api, 'bob', ['notes:read', 'notes:write']);
      for (const credentials of [as(api, 'bob'), withKey(key)]) {
        for (const [method, body] of [['GET', undefined], ['PUT', { title: 'mine now', text: '' }], ['DELETE', undefined]] as const) {
          const foreign = await call(api, method, `/notes/${alice}`, credentials, body);
          const unknown = await call(api, method, `/notes/${UNKNOWN_ID}`, credentials, body);
          expect(foreign.status, method).toBe(404);
          expect(problemOf(foreign), method).toEqual(problemOf(unknown));
        }
      }
      expect((await call(api, 'GET', `/notes/${alice}`, as(api, 'alice'))).json()).toEqual(before);
    });

    it('the listing holds the caller\'s notes only', async () => {
      for (const user of ['alice', 'bob', 'reader', 'zoë']) {
        const items = (await call(api, 'GET', '/notes', as(api, user))).json().items as { owner: string }[];
        expect(items.length, user).toBeGreaterThan(0);
        expect(new Set(items.map((n) => n.owner)), user).toEqual(new Set([user]));
      }
      expect(api.seededNotes.zoë).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('roles are the scopes: reader reads and cannot write, writer writes and cannot read (403, no challenge)', async () => {
      expect((await call(api, 'GET', `/notes/${SEEDED_NOTES.reader}`, as(api, 'reader'))).status).toBe(200);
      for (const [method, body] of [['POST', { title: 'x', text: '' }], ['PUT', { title: 'x', text: '' }], ['DELETE', undefined]] as const) {
        const path = method === 'POST' ? '/notes' : `/notes/${SEEDED_NOTES.reader}`;
        const refused = await call(api, method, path, as(api, 'reader'), body);
        expect([refused.status, refused.headers.get('www-authenticate'), refused.json().requiredScope], method).toEqual([403, null, 'notes:write']);
      }
      expect((await call(api, 'GET', '/notes', as(api, 'writer'))).status).toBe(403);
      expect((await call(api, 'PUT', `/notes/${SEEDED_NOTES.writer}`, as(api, 'writer'), { title: 'Draft 2', text: '' })).status).toBe(200);
    });

    it('authentication comes first: anonymous requests for unknown ids, bad ids or broken bodies get 401', async () => {
      expect((await call(api, 'GET', `/notes/${UNKNOWN_ID}`)).status).toBe(401);
      expect((await call(api, 'GET', '/notes/not-a-uuid')).status).toBe(401);
      expect((await call(api, 'PUT', `/notes/${UNKNOWN_ID}`, {}, '{"title":')).status).toBe(401);
      expect((await call(api, 'POST', '/notes', {}, 'x', 'text/plain')).status).toBe(401);
    });

    it('ids and bodies: a non-UUID id 400; the body is checked before the note is looked up', async () => {
      for (const id of ['not-a-uuid', '123', `${UNKNOWN_ID}0`, '%zz']) expect((await call(api, 'GET', `/notes/${id}`, as(api, 'alice'))).status, id).toBe(400);
      const broken = await call(api, 'PUT', `/notes/${SEEDED_NOTES.bob}`, as(api, 'alice'), { title: '' });
      expect([broken.status, broken.json().title]).toEqual([400, 'Validation failed']);
    });
  });

  describe('errors', () => {
    it('every error is an RFC 9457 problem: type, title, status (= the HTTP status), detail; nothing of the server', async () => {
      const answers = [
        await call(api, 'GET', '/notes'),
        await call(api, 'GET', '/notes', { authorization: 'Basic' }),
        await call(api, 'GET', '/notes', as(api, 'writer')),
        await call(api, 'GET', `/notes/${UNKNOWN_ID}`, as(api, 'alice')),
        await call(api, 'GET', '/nowhere', as(api, 'alice')),
        await call(api, 'PATCH', '/notes', as(api, 'alice')),
        await call(api, 'POST', '/notes', as(api, 'alice'), '{"title":', 'application/json'),
        await call(api, 'POST', '/notes', as(api, 'alice'), { title: 'x', text: 'y', owner: 'bob' }),
        await call(api, 'POST', '/notes', as(api, 'alice'), 'title=x', 'application/x-www-form-urlencoded'),
        await call(api, 'POST', '/notes', as(api, 'alice'), { title: 'x', text: 'y'.repeat(BODY_LIMIT_BYTES) }),
      ];
      expect(answers.map((a) => a.status)).toEqual([401, 401, 403, 404, 404, 405, 400, 400, 415, 413]);
      for (const answer of answers) {
        expect(answer.headers.get('content-type'), answer.text).toBe('application/problem+json');
        const problem = answer.json();
        expect(problem).toMatchObject({ type: expect.stringMatching(/^https:\/\/errors\.notes\.example\/[a-z-]+$/), title: expect.any(String), status: answer.status, detail: expect.any(String) });
        expect(answer.text).not.toMatch(/\bat .+:\d+:\d+|Error:|node:/);
        expect(answer.headers.get('x-powered-by')).toBeNull();
        expect(answer.headers.get('server')).toBeNull();
      }
    });

    it('400: broken JSON, invalid UTF-8, schema violations with their pointers and never the value sent', async () => {
      expect((await call(api, 'POST', '/notes', as(api, 'alice'), '', 'application/json')).json().title).toBe('Malformed JSON');
      const response = await fetch(`${api.url}/notes`, { method: 'POST', headers: { ...as(api, 'alice'), 'content-type': 'application/json' }, body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]) });
      expect([response.status, ((await response.json()) as { title: string }).title]).toEqual([400, 'Malformed JSON']);
      const cases: [unknown, string, string][] = [
        [{ title: 'x', text: 'y', secret: 'hunter2' }, '', 'additionalProperties'],
        [{ title: 'x'.repeat(201), text: '' }, '/title', 'maxLength'],
        [{ title: 'x', text: 'y'.repeat(10_001) }, '/text', 'maxLength'],
        [{ title: 7, text: '' }, '/title', 'type'],
        [{ text: '' }, '', 'required'],
        [['title'], '', 'type'],
      ];
      for (const [body, pointer, reason] of cases) {
        const refused = await call(api, 'POST', '/notes', as(api, 'alice'), body);
        expect([refused.status, refused.json().errors], JSON.stringify(body).slice(0, 40)).toEqual([400, [{ pointer, reason }]]);
        expect(refused.text).not.toContain('hunter2');
      }
      expect((await call(api, 'POST', '/notes', as(api, 'alice'), { title: 'x'.repeat(200), text: 'é'.repeat(5000) })).status).toBe(201);
    });

    it('415 for any media type but application/json, a missing one too', async () => {
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/problem+json', 'multipart/form-data; boundary=x']) {
        expect((await call(api, 'POST', '/notes', as(api, 'alice'), '{"title":"x","text":""}', contentType)).status, contentType).toBe(415);
      }
      const bare = await fetch(`${api.url}/notes`, { method: 'POST', headers: as(api, 'alice'), body: new Uint8Array(Buffer.from('{"title":"x","text":""}')) });
      expect(bare.status).toBe(415);
      expect((await call(api, 'POST', '/notes', as(api, 'alice'), { title: 'x', text: '' }, 'Application/JSON; charset=utf-8')).status).toBe(201);
    });

    it('405 with Allow (HEAD beside GET, RFC 9110 §9.3.2); 404 for unknown routes', async () => {
      const cases: [string, string, string][] = [
        ['PATCH', '/notes', 'GET, HEAD, POST'],
        ['POST', `/notes/${SEEDED_NOTES.alice}`, 'GET, HEAD, PUT, DELETE'],
        ['PUT', '/keys', 'GET, HEAD, POST'],
        ['GET', `/keys/${UNKNOWN_ID}`, 'DELETE'],
        ['OPTIONS', '/notes', 'GET, HEAD, POST'],
      ];
      for (const [method, path, allow] of cases) {
        const refused = await call(api, method, path, as(api, 'alice'));
        expect([refused.status, refused.headers.get('allow')], `${method} ${path}`).toEqual([405, allow]);
      }
      const head = await call(api, 'HEAD', '/notes', as(api, 'alice'));
      expect([head.status, head.text, head.headers.get('content-type')]).toEqual([200, '', 'application/json']);
      for (const path of ['/', '/notes/', '/notes/a/b', '/Notes', '/keys/']) expect((await call(api, 'GET', path, as(api, 'alice'))).status, path).toBe(404);
    });

    it('413 after the body is read: the same connection answers the next request', async () => {
      const raw = await openRaw(api);
      const body = JSON.stringify({ title: 'x', text: 'y'.repeat(BODY_LIMIT_BYTES) });
      await raw.write(raw.head('POST', '/notes', { ...as(api, 'alice'), 'content-type': 'application/json', 'content-length': String(body.length) }));
      await raw.write(body.slice(0, 1024));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await raw.write(body.slice(1024));
      // A streamed (chunked) body that crosses the limit, then a request that must still be read as one.
      const chunk = 'z'.repeat(4096);
      await raw.write(raw.head('PUT', `/notes/${SEEDED_NOTES.alice}`, { ...as(api, 'alice'), 'content-type': 'application/json', 'transfer-encoding': 'chunked' }));
      for (let i = 0; i < 6; i++) await raw.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      await raw.write('0\r\n\r\n');
      await raw.write(raw.head('GET', '/notes', { ...as(api, 'alice'), connection: 'close' }));
      const { text, error } = await raw.closed;
      expect(error).toBeUndefined();
      // A body ends without a newline: the next status line follows it directly.
      expect(text.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 413', 'HTTP/1.1 413', 'HTTP/1.1 200']);
    });

    it('an answer before the body is read waits for it: a 401 to an anonymous upload that asks to close is not a reset', async () => {
      const raw = await openRaw(api);
      const body = JSON.stringify({ title: 'x', text: 'y'.repeat(8000) });
      await raw.write(raw.head('POST', '/notes', { 'content-type': 'application/json', 'content-length': String(body.length), connection: 'close' }));
      await raw.write(body.slice(0, 100));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await raw.write(body.slice(100));
      const { text, error } = await raw.closed;
      expect(error).toBeUndefined();
      expect(text).toMatch(/^HTTP\/1\.1 401 /);
    });

    it(`an upload past ${DRAIN_LIMIT_BYTES} bytes: 413 at once with Connection: close, then a staged close (RFC 9112 §9.6), no reset`, async () => {
      const raw = await openRaw(api);
      await raw.write(raw.head('POST', '/notes', { ...as(api, 'alice'), 'content-type': 'application/json', 'content-length': String(DRAIN_LIMIT_BYTES * 4) }));
      await raw.write('x'.repeat(1024));
      const answer = await raw.until(/\r\n\r\n\{.*\}$/s);
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
      expect(answer.toLowerCase()).toContain('\r\nconnection: close\r\n');
      // The server half-closed and keeps reading: more of the upload is taken without a reset.
      for (let i = 0; i < 16; i++) await raw.write('x'.repeat(16 * 1024));
      raw.end();
      const { error } = await raw.closed;
      expect(error).toBeUndefined();
    });
  });

  describe('the OpenAPI document describes this server', () => {
    const document = parse(readFileSync(DOCUMENT, 'utf8'));
    const operations = Object.entries(document.paths as Record<string, Record<string, { operationId?: string; security?: unknown }>>).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
        .map(([method, op]) => ({ method: method.toUpperCase(), path, ...op })),
    );

    it('operations, security requirements and schemes', () => {
      const either = (scope: string) => [{ apiKey: [scope] }, { basicAuth: [scope] }];
      expect(Object.fromEntries(operations.map((o) => [o.operationId, o.security]))).toEqual({
        listKeys: [{ basicAuth: [] }],
        createKey: [{ basicAuth: [] }],
        revokeKey: [{ basicAuth: [] }],
        listNotes: either('notes:read'),
        createNote: either('notes:write'),
        getNote: either('notes:read'),
        updateNote: either('notes:write'),
        deleteNote: either('notes:write'),
      });
      expect(document.openapi).toBe('3.1.0');
      expect(document.components.securitySchemes).toMatchObject({ apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' }, basicAuth: { type: 'http', scheme: 'basic' } });
      expect(document.components.schemas.NoteInput).toEqual(NOTE_INPUT_SCHEMA);
      expect(document.components.schemas.NewKey).toEqual(NEW_KEY_SCHEMA);
      expect(document.components.schemas.NewKey.properties.scopes.items.enum).toEqual(SCOPES);
      expect(document.paths['/notes/{noteId}'].parameters[0].example).toBe(SEEDED_NOTES.alice);
      expect(document.info['x-body-limit']).toBe(BODY_LIMIT_BYTES);
    });

    it('every route the document names answers as it says; its request examples are accepted', async () => {
      const fresh = await startKeysApi();
      try {
        const alice = as(fresh, 'alice');
        const example = (path: string, method: string) => Object.values(document.paths[path][method].requestBody.content['application/json'].examples as Record<string, { value: unknown }>)[0]!.value;
        const key = await call(fresh, 'POST', '/keys', alice, example('/keys', 'post'));
        expect(key.status).toBe(201);
        expect((await call(fresh, 'GET', '/keys', alice)).status).toBe(200);
        expect((await call(fresh, 'POST', '/notes', alice, example('/notes', 'post'))).status).toBe(201);
        expect((await call(fresh, 'GET', '/notes', alice)).status).toBe(200);
        expect((await call(fresh, 'PUT', `/notes/${SEEDED_NOTES.alice}`, alice, example('/notes/{noteId}', 'put'))).status).toBe(200);
        expect((await call(fresh, 'GET', `/notes/${SEEDED_NOTES.alice}`, alice)).status).toBe(200);
        expect((await call(fresh, 'DELETE', `/notes/${SEEDED_NOTES.alice}`, alice)).status).toBe(204);
        expect((await call(fresh, 'DELETE', `/keys/${key.json().id}`, alice)).status).toBe(204);
        for (const op of operations) {
          const documented = Object.keys((document.paths[op.path][op.method.toLowerCase()] as { responses: object }).responses);
          expect(documented, `${op.method} ${op.path}`).toContain('401');
        }
      } finally {
        await fresh.close();
      }
    });
  });
});

/**
 * What each regression changes, seen over HTTP: one probe, run against the hardened target and against
 * the target with only this regression on, each freshly started; the two answers must be the ones given.
 */
const PROBES: Record<KeysRegressionId, { probe: (api: KeysApi) => Promise<unknown>; hardened: unknown; regressed: unknown }> = {
  'key-in-query': {
    probe: async (api) => {
      const { key } = await issueKey(api, 'alice', ['notes:read']);
      return [(await call(api, 'GET', `/notes?api_key=${key}`)).status, (await call(api, 'GET', '/notes?api_key=nk_unknown')).status];
    },
    hardened: [401, 401],
    regressed: [200, 401],
  },
  'revoked-key-accepted': {
    probe: async (api) => {
      const { id, key } = await issueKey(api, 'alice', ['notes:read']);
      await call(api, 'DELETE', `/keys/${id}`, as(api, 'alice'));
      return [(await call(api, 'GET', '/notes', withKey(key))).status, (await call(api, 'GET', `/notes/${SEEDED_NOTES.alice}`, withKey(key))).status];
    },
    hardened: [401, 401],
    regressed: [200, 200],
  },
  'key-prefix-match': {
    probe: async (api) => {
      const { key } = await issueKey(api, 'alice', ['notes:read']);
      const statuses = [];
      for (const near of [`${key}x`, key.slice(0, -1), key.slice(0, 8), key.slice(0, 7), `x${key}`]) statuses.push((await call(api, 'GET', '/notes', withKey(near))).status);
      return statuses;
    },
    hardened: [401, 401, 401, 401, 401],
    regressed: [200, 200, 200, 401, 401],
  },
  'basic-any-password': {
    probe: async (api) => [(await call(api, 'GET', '/notes', { authorization: basic('alice', 'guess') })).status, (await call(api, 'GET', '/notes', { authorization: basic('mallory', 'guess') })).status],
    hardened: [401, 401],
    regressed: [200, 401],
  },
  'basic-no-challenge': {
    probe: async (api) => {
      const refused = [await call(api, 'GET', '/notes'), await call(api, 'GET', '/notes', { authorization: basic('alice', 'wrong') }), await call(api, 'GET', '/notes', withKey('nk_unknown'))];
      return refused.map((r) => [r.status, r.headers.get('www-authenticate')]);
    },
    hardened: [
      [401, CHALLENGE],
      [401, CHALLENGE],
      [401, CHALLENGE],
    ],
    regressed: [
      [401, null],
      [401, null],
      [401, null],
    ],
  },
  'scope-ignored': {
    probe: async (api) => {
      const { key } = await issueKey(api, 'alice', ['notes:read']);
      const edit = { title: 'changed', text: '' };
      return [
        (await call(api, 'PUT', `/notes/${SEEDED_NOTES.alice}`, withKey(key), edit)).status,
        (await call(api, 'PUT', `/notes/${SEEDED_NOTES.reader}`, as(api, 'reader'), edit)).status,
        // Only PUT: creating and deleting still need notes:write.
        (await call(api, 'POST', '/notes', withKey(key), edit)).status,
        (await call(api, 'DELETE', `/notes/${SEEDED_NOTES.alice}`, withKey(key))).status,
      ];
    },
    hardened: [403, 403, 403, 403],
    regressed: [200, 200, 403, 403],
  },
  'cross-principal-read': {
    probe: async (api) => {
      const read = await call(api, 'GET', `/notes/${SEEDED_NOTES.alice}`, as(api, 'bob'));
      return [read.status, read.status === 200 ? read.json().owner : null, (await call(api, 'PUT', `/notes/${SEEDED_NOTES.alice}`, as(api, 'bob'), { title: 'x', text: '' })).status];
    },
    hardened: [404, null, 404],
    regressed: [200, 'alice', 404],
  },
  'cross-principal-write': {
    probe: async (api) => [
      (await call(api, 'PUT', `/notes/${SEEDED_NOTES.alice}`, as(api, 'bob'), { title: 'bob was here', text: '' })).status,
      (await call(api, 'GET', `/notes/${SEEDED_NOTES.alice}`, as(api, 'alice'))).json().title,
      (await call(api, 'GET', `/notes/${SEEDED_NOTES.alice}`, as(api, 'bob'))).status,
      (await call(api, 'DELETE', `/notes/${SEEDED_NOTES.alice}`, as(api, 'bob'))).status,
      (await call(api, 'GET', `/notes/${SEEDED_NOTES.alice}`, as(api, 'alice'))).status,
    ],
    hardened: [404, 'Groceries', 404, 404, 200],
    regressed: [200, 'bob was here', 404, 204, 404],
  },
  'bola-list-leak': {
    probe: async (api) => ((await call(api, 'GET', '/notes', as(api, 'bob'))).json().items as { owner: string }[]).map((n) => n.owner).sort(),
    hardened: ['bob'],
    regressed: ['alice', 'bob', 'reader', 'writer'],
  },
};

describe('each regression changes its own behaviour', () => {
  it.each(KEYS_REGRESSION_IDS)('%s', async (id) => {
    const { probe, hardened, regressed } = PROBES[id];
    const [baseline, broken] = await Promise.all([startKeysApi(), startKeysApi({ regressions: [id] })]);
    try {
      expect(broken.regressions).toEqual([id]);
      expect(await probe(baseline), 'hardened').toEqual(hardened);
      expect(await probe(broken), 'regressed').toEqual(regressed);
    } finally {
      await Promise.all([baseline.close(), broken.close()]);
    }
  });

  it('an unknown regression id is refused, naming the valid ones', async () => {
    await expect(startKeysApi({ regressions: ['key-in-querystring'] })).rejects.toThrow(/Unknown keys API regression.*key-in-querystring.*Valid: key-in-query/);
  });

  it('users Basic could not carry, or without roles, are refused at start', async () => {
    await expect(startKeysApi({ users: { 'a:b': { roles: ['notes:read'] } } })).rejects.toThrow(/cannot be a Basic user-id/);
    await expect(startKeysApi({ users: { carol: {} } })).rejects.toThrow(/needs roles/);
    await expect(startKeysApi({ users: { carol: { roles: ['notes:admin' as 'notes:read'] } } })).rejects.toThrow(/unknown role/);
    await expect(startKeysApi({ users: { alice: { password: 'a\nb' } } })).rejects.toThrow(/control character/);
  });
});
