import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small authorization server for tests, written from the RFCs alone: RFC 6749 token endpoint
 * (§4.4 client credentials, §4.3 password, §6 refresh), RFC 7009 revocation, RFC 7662 introspection.
 * Loopback only. Each `misbehave` switch breaks one rule, so a test can show the provider notices.
 */
export interface AuthServerOptions {
  client: { id: string; secret: string; method: 'basic' | 'post' | 'none' };
  owner?: { username: string; password: string };
  scopes?: string[];
  misbehave?: { narrowScope?: boolean; tokenType?: string; revokeIgnored?: boolean; echoSecret?: boolean; rotateRefresh?: boolean };
}

export interface SeenRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  form: URLSearchParams;
}

interface Grant {
  scopes: string[];
  active: boolean;
  refresh?: string;
}

const token = () => randomBytes(18).toString('base64url');

/** RFC 6749 §2.3.1: Basic credentials are the form-encoded id and secret. */
function basicClient(header: string | undefined): { id: string; secret: string } | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  const text = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const decode = (s: string) => new URLSearchParams(`x=${s}`).get('x') ?? '';
  return { id: decode(text.slice(0, colon)), secret: decode(text.slice(colon + 1)) };
}

export async function startAuthServer(options: AuthServerOptions) {
  const known = options.scopes ?? ['orders:read', 'orders:write'];
  const access = new Map<string, Grant>();
  const refresh = new Map<string, Grant>();
  const seen: SeenRequest[] = [];

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers }).end(JSON.stringify(body));
  };
  // §5.2: 400, or 401 with a challenge when the client tried HTTP Basic.
  const error = (res: ServerResponse, status: number, code: string, description: string) =>
    json(res, status, { error: code, error_description: description }, status === 401 ? { 'www-authenticate': 'Basic realm="test"' } : {});

  const authenticate = (req: IncomingMessage, form: URLSearchParams): boolean => {
    const { client } = options;
    const basic = basicClient(req.headers.authorization);
    if (client.method === 'basic') return basic?.id === client.id && basic.secret === client.secret;
    if (client.method === 'post') return !basic && form.get('client_id') === client.id && form.get('client_secret') === client.secret;
    return !basic && form.get('client_id') === client.id && !form.has('client_secret');
  };

  const issue = (res: ServerResponse, grant: Grant, withRefresh: boolean) => {
    const value = token();
    access.set(value, grant);
    if (withRefresh) {
      grant.refresh = token();
      refresh.set(grant.refresh, grant);
    }
    const shown = options.misbehave?.narrowScope ? grant.scopes.slice(0, 1) : grant.scopes;
    json(res, 200, { access_token: value, token_type: options.misbehave?.tokenType ?? 'Bearer', expires_in: 300, scope: shown.join(' '), ...(grant.refresh ? { refresh_token: grant.refresh } : {}) });
  };

  const tokenEndpoint = (res: ServerResponse, form: URLSearchParams) => {
    const asked = (form.get('scope') ?? known.join(' ')).split(' ').filter((s) => s !== '');
    if (asked.some((s) => !known.includes(s))) return error(res, 400, 'invalid_scope', 'unknown scope');
    switch (form.get('grant_type')) {
      case 'client_credentials':
        return issue(res, { scopes: asked, active: true }, false);
      case 'password':
        if (form.get('username') !== options.owner?.username || form.get('password') !== options.owner?.password) return error(res, 400, 'invalid_grant', 'bad resource owner credentials');
        return issue(res, { scopes: asked, active: true }, true);
      case 'refresh_token': {
        const grant = refresh.get(form.get('refresh_token') ?? '');
        if (!grant?.active) return error(res, 400, 'invalid_grant', 'unknown or revoked refresh token');
        if (options.misbehave?.rotateRefresh) refresh.delete(form.get('refresh_token')!);
        return issue(res, { scopes: asked, active: true }, options.misbehave?.rotateRefresh === true);
      }
      default:
        return error(res, 400, 'unsupported_grant_type', 'no such grant');
    }
  };

  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      seen.push({ path: req.url ?? '', headers: req.headers, form });
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/x-www-form-urlencoded') return error(res, 400, 'invalid_request', 'POST a form');
      if (!authenticate(req, form)) {
        const echoed = options.misbehave?.echoSecret ? ` (got ${body} ${req.headers.authorization ?? ''})` : '';
        return error(res, options.client.method === 'basic' ? 401 : 400, 'invalid_client', `client authentication failed${echoed}`);
      }
      if (req.url === '/oauth/token') return tokenEndpoint(res, form);
      const value = form.get('token');
      if (value === null) return error(res, 400, 'invalid_request', 'token is required');
      const grant = access.get(value) ?? refresh.get(value);
      if (req.url === '/oauth/revoke') {
        // RFC 7009 §2.2: 200 whether or not the token was known.
        if (grant && !options.misbehave?.revokeIgnored) grant.active = false;
        return res.writeHead(200).end();
      }
      if (req.url === '/oauth/introspect') return json(res, 200, grant?.active ? { active: true, scope: grant.scopes.join(' ') } : { active: false });
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    seen,
    /** Whether the server still honours this access token. */
    isActive: (value: string) => access.get(value)?.active === true,
    isRefreshActive: (value: string) => refresh.get(value)?.active === true,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
