import { isIP } from 'node:net';
import { HardenError } from '../errors.ts';

/** Loopback by name or address: 127.0.0.0/8, ::1 and "localhost" names (RFC 6761 §6.3). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(host);
  return false;
}

/**
 * Refuses a target the user did not name, before any connection is opened: the harness sends
 * fuzzed writes and live tokens, so pointing it at a shared host must be a deliberate act.
 */
export function guardTarget(baseUrl: string, allowHosts: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (cause) {
    throw new HardenError('OPTION_INVALID', `The base URL "${baseUrl}" is not a URL; give one like http://127.0.0.1:8080.`, { cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HardenError('OPTION_INVALID', `The base URL ${url.origin} uses ${url.protocol}; only http: and https: are supported.`);
  }
  if (url.username || url.password) {
    throw new HardenError('OPTION_INVALID', 'The base URL carries credentials; remove them and configure the token provider instead.');
  }
  const allowed = allowHosts.map((h) => h.toLowerCase());
  if (!isLoopbackHost(url.hostname) && !allowed.includes(url.hostname.toLowerCase()) && !allowed.includes(url.host.toLowerCase())) {
    throw new HardenError(
      'TARGET_REFUSED',
      `Refusing to send requests to ${url.host}: it is not a loopback address. If you mean to test it, pass --allow-host ${url.hostname}.`,
    );
  }
  return url;
}
