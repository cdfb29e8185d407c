import type { ImportWarning } from './importOpenApi.ts';
import type { TokenFlow } from './securitySchemes.ts';

type Raw = Record<string, unknown>;

/** Environment variables assumed when the overlay names none; the manifest names variables, never values. */
const DEFAULT_ENV = { clientId: 'OAUTH_CLIENT_ID', clientSecret: 'OAUTH_CLIENT_SECRET', username: 'OAUTH_USERNAME', password: 'OAUTH_PASSWORD' } as const;

/**
 * A flow's token URL as the manifest writes it. OpenAPI 3.1 §4.8.1.1 resolves a relative URL against
 * the server URL. Under the server URL it becomes a path (joined to baseUrl, so it follows --base-url);
 * elsewhere on the server's origin it stays absolute; on another origin it cannot be used, since
 * credentials go to the target's origin only.
 */
function manifestUrl(flowUrl: string, server: string, pointer: string, warn: (w: ImportWarning) => void): string | undefined {
  const base = new URL(server.replace(/\/*$/, '/'));
  let url: URL;
  try {
    url = new URL(flowUrl, base);
  } catch {
    warn({ construct: 'securitySchemes', message: `${pointer} "${flowUrl}" is not a URL; the overlay must give auth.tokens.tokenUrl.` });
    return undefined;
  }
  if (url.origin !== base.origin) {
    warn({ construct: 'securitySchemes', message: `${pointer} is on ${url.origin}, not on the server's origin ${base.origin}; the harness sends credentials to the target's origin only, so the overlay must give auth.tokens.tokenUrl (a path on the target).` });
    return undefined;
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  if (url.pathname.startsWith(`${prefix}/`)) return url.pathname.slice(prefix.length) + url.search;
  warn({ construct: 'securitySchemes', message: `${pointer} is outside the server URL's path, so it stays the absolute URL ${url.href}, which works only with the API at that origin; give auth.tokens.tokenUrl in the overlay to run it elsewhere.` });
  return url.href;
}

/**
 * auth.tokens for a document whose oauth2 scheme has a client credentials or password flow: provider
 * oauth2 with the flow's token URL and grant; the overlay adds env names and revocation/introspection
 * URLs, and any member it sets wins. An overlay naming another provider replaces the import whole.
 * Undefined when the document gives no usable flow and the overlay no oauth2 provider.
 */
export function importTokens(flows: readonly TokenFlow[], overlay: unknown, server: string, warn: (w: ImportWarning) => void): unknown {
  const given = (overlay ?? undefined) as Raw | undefined;
  if (given !== undefined && given.provider !== 'oauth2') return given;
  const grant = given?.grant === 'password' ? 'password' : given?.grant === 'client_credentials' ? 'client_credentials' : undefined;
  const flow = flows.find((f) => (grant ? f.flow === (grant === 'password' ? 'password' : 'clientCredentials') : f.flow === 'clientCredentials')) ?? (grant ? undefined : flows[0]);
  if (flow === undefined) return given;
  const flowGrant = flow.flow === 'password' ? 'password' : 'client_credentials';
  // RFC 6749 §6 refreshes at the token endpoint; OpenAPI may name another URL for it (refreshUrl).
  const flowUrl = given?.grant === 'refresh_token' && flow.refreshUrl ? flow.refreshUrl : flow.tokenUrl;
  const tokenUrl = given?.tokenUrl ?? manifestUrl(flowUrl, server, flow.pointer, warn);
  if (tokenUrl === undefined) return given;

  const chosen = (given?.grant as string | undefined) ?? flowGrant;
  const publicClient = given?.clientAuth === 'none';
  const assumed: string[] = [];
  const env = (key: keyof typeof DEFAULT_ENV, needed: boolean) => {
    if (given?.[key] !== undefined || !needed) return given?.[key];
    assumed.push(DEFAULT_ENV[key]);
    return { env: DEFAULT_ENV[key] };
  };
  const tokens = Object.fromEntries(
    Object.entries({
      provider: 'oauth2',
      tokenUrl,
      grant: chosen,
      clientAuth: given?.clientAuth,
      clientId: env('clientId', true),
      clientSecret: env('clientSecret', !publicClient),
      username: env('username', chosen === 'password'),
      password: env('password', chosen === 'password'),
      refreshToken: given?.refreshToken,
      revocationUrl: given?.revocationUrl,
      introspectionUrl: given?.introspectionUrl,
    }).filter(([, v]) => v !== undefined),
  );
  if (assumed.length > 0) {
    warn({ construct: 'overlay', message: `auth.tokens reads ${assumed.join(', ')} from the environment (the ${flow.flow} flow at ${flow.pointer}); name other variables under auth.tokens in the overlay.` });
  }
  if (given?.revocationUrl === undefined) {
    warn({ construct: 'overlay', message: 'OpenAPI does not describe a revocation endpoint: without auth.tokens.revocationUrl (RFC 7009) in the overlay, revocation is reported as not proven.' });
  }
  return tokens;
}
