/**
 * `node --import tsx bench/synthetic/server.ts`: answers every route of a synthetic manifest
 * (synthetic/manifest.ts) like a hardened API, on an ephemeral 127.0.0.1 port. Tokens come from
 * the SYN_TOKEN_* variables. Prints only "synthetic API listening on URL"; exits on SIGTERM.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { EXAMPLE_ID, MAX_BODY_BYTES, SCHEMAS, SYNTHETIC_TOKENS } from './manifest.ts';

const RW = process.env[SYNTHETIC_TOKENS.rw] ?? '';
const OTHER = process.env[SYNTHETIC_TOKENS.other] ?? '';
if (RW.length < 16 || OTHER.length < 16) throw new Error('set SYN_TOKEN_RW and SYN_TOKEN_OTHER (16+ characters)');
const REALM = 'Bearer realm="synthetic"';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const ROUTE = /^\/svc(\d+)\/items(?:\/([^/]*))?$/;
const validNewItem = new Ajv2020({ strict: false }).compile(SCHEMAS.NewItem);

const TITLES: Record<number, string> = { 400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed', 413: 'Payload too large', 415: 'Unsupported media type' };

function problem(res: ServerResponse, status: number, challenge?: string): void {
  const body = JSON.stringify({ type: `https://errors.synthetic.example/${status}`, title: TITLES[status] ?? 'Error', status, detail: `${TITLES[status] ?? 'Error'}.`, instance: `/problems/${randomUUID()}`, traceId: randomBytes(16).toString('hex') });
  const headers: Record<string, string> = { 'content-type': 'application/problem+json', 'cache-control': 'no-store' };
  if (challenge) headers['www-authenticate'] = challenge;
  if (status === 413) headers.connection = 'close';
  res.writeHead(status, headers).end(body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(value));
}

/** Authentication, then scope; returns true when the request may go on. */
function authorised(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const header = req.headers.authorization;
  if (header === undefined || url.searchParams.has('access_token') || !/^bearer(\s|$)/i.test(header)) {
    problem(res, 401, REALM);
    return false;
  }
  const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/.exec(header);
  const token = match?.[1];
  if (token !== RW && token !== OTHER) {
    problem(res, 401, `${REALM}, error="invalid_token"`);
    return false;
  }
  if (token === OTHER) {
    problem(res, 403, `${REALM}, error="insufficient_scope", scope="items:rw"`);
    return false;
  }
  return true;
}

function readBody(req: IncomingMessage, res: ServerResponse, done: (text: string) => void): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return void (problem(res, 413), req.resume());
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on('end', () => (size > MAX_BODY_BYTES ? problem(res, 413) : done(Buffer.concat(chunks).toString('utf8'))));
}

function create(req: IncomingMessage, res: ServerResponse): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return void (problem(res, 415), req.resume());
  readBody(req, res, (text) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return problem(res, 400);
    }
    if (!validNewItem(value)) return problem(res, 400);
    json(res, 201, { id: randomUUID(), ...(value as object) });
  });
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const route = ROUTE.exec(url.pathname);
  if (!route) return void (problem(res, 404), req.resume());
  const isItem = route[2] !== undefined;
  const method = isItem ? 'GET' : 'POST';
  if (req.method !== method || Number(route[1]) % 2 !== (isItem ? 0 : 1)) return void (problem(res, isItem === (Number(route[1]) % 2 === 0) ? 405 : 404), req.resume());
  if (!authorised(req, res, url)) return void req.resume();
  if (method === 'POST') return create(req, res);
  req.resume();
  const id = decodeURIComponent(route[2]!);
  if (!UUID.test(id)) return problem(res, 400);
  if (id !== EXAMPLE_ID) return problem(res, 404);
  json(res, 200, { id, name: 'widget', quantity: 3, tags: ['a'] });
});
server.keepAliveTimeout = 5_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.stdout.write(`synthetic API listening on http://127.0.0.1:${address.port}\n`);
});
const stop = () => server.close(() => process.exit(0)) && server.closeAllConnections();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
