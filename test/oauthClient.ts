import { connect } from 'node:net';
import type { OauthApi } from '../fixtures/oauth-api/index.ts';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: () => Record<string, unknown>;
}

const answer = async (response: Response): Promise<Answer> => {
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
};

/** Every request a test sends is bounded. */
const BOUND_MS = 10_000;

/** HTTP Basic for an OAuth client: id and secret form-urlencoded first (RFC 6749 §2.3.1). */
export function clientBasic(id: string, secret: string): string {
  const encode = (s: string) => new URLSearchParams({ s }).toString().slice(2);
  return `Basic ${Buffer.from(`${encode(id)}:${encode(secret)}`).toString('base64')}`;
}

/** POSTs a form to one of the authorization server's endpoints. */
export async function postForm(api: OauthApi, path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer> {
  return answer(
    await fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(BOUND_MS),
    }),
  );
}

/** A token from the client-credentials grant, authenticated with Basic; throws unless issued. */
export async function clientToken(api: OauthApi, scope: string): Promise<string> {
  const issued = await postForm(api, '/oauth/token', { grant_type: 'client_credentials', scope }, { authorization: clientBasic(api.clientId, api.clientSecret) });
  if (issued.status !== 200) throw new Error(`token endpoint answered ${issued.status}`);
  return issued.json().access_token as string;
}

/** The password grant, which also issues a refresh token. */
export async function passwordGrant(api: OauthApi, scope: string): Promise<{ access: string; refresh: string }> {
  const issued = await postForm(api, '/oauth/token', { grant_type: 'password', username: api.username, password: api.password, scope }, { authorization: clientBasic(api.clientId, api.clientSecret) });
  if (issued.status !== 200) throw new Error(`token endpoint answered ${issued.status}`);
  const body = issued.json();
  return { access: body.access_token as string, refresh: body.refresh_token as string };
}

/** Sends a request to the resource API with an optional Authorization header and JSON body. */
export async function call(api: OauthApi, method: string, path: string, authorization?: string, body?: unknown, contentType = 'application/json'): Promise<Answer> {
  const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
  if (body !== undefined) headers['content-type'] = contentType;
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return answer(await fetch(`${api.url}${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(BOUND_MS) }));
}

/**
 * Sends the head of a request declaring `declared` body bytes and only a part of the body, on a raw
 * socket, and resolves with what came back once the server closed the connection.
 */
export function sendOversized(api: OauthApi, path: string, head: Record<string, string>, declared: number): Promise<string> {
  const { hostname, port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(BOUND_MS, () => socket.destroy(new Error('the server kept the connection open')));
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : reject(e)));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    const headers = Object.entries({ host: `${hostname}:${port}`, ...head, 'content-length': String(declared) }).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    socket.write(`POST ${path} HTTP/1.1\r\n${headers}\r\n${'x'.repeat(1024)}`);
  });
}
