import type { ImportWarning } from './importOpenApi.ts';
import { asArray, asObject, asString } from './json.ts';

/** Where nothing names a server, the harness's usual loopback target; `--base-url` overrides it anyway. */
export const FALLBACK_BASE_URL = 'http://127.0.0.1:8080';

/** `info.title` → a manifest service name (`^[A-Za-z0-9][A-Za-z0-9._-]*$`): "Orders API" → "orders-api". */
export function serviceName(title: unknown): string {
  const name = (asString(title) ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '');
  return name.length > 0 ? name : 'api';
}

/**
 * The first server URL with its variables at their defaults. A relative URL ("/v1") is placed on the
 * loopback fallback host, since the document does not say where the API runs.
 */
export function serverUrl(root: Record<string, unknown>, warn: (w: ImportWarning) => void): string {
  const server = asObject(asArray(root.servers)[0]);
  const variables = asObject(server.variables);
  const url = (asString(server.url) ?? '').replace(/\{([^}]+)\}/g, (whole, name: string) => asString(asObject(variables[name]).default) ?? whole);
  if (/^https?:\/\/[^/?#{}]+(\/[^?#]*)?$/.test(url)) return url;
  if (url.startsWith('/')) {
    const placed = FALLBACK_BASE_URL + url.replace(/\/+$/, '');
    warn({ construct: 'servers', message: `the first server URL "${url}" is relative; baseUrl is ${placed}. Set baseUrl in the overlay or pass --base-url.` });
    return placed;
  }
  warn({ construct: 'servers', message: `${url ? `the first server URL "${url}" is not an absolute http(s) URL` : 'the document names no server'}; baseUrl is ${FALLBACK_BASE_URL}. Set baseUrl in the overlay or pass --base-url.` });
  return FALLBACK_BASE_URL;
}
