import { HardenError } from '../errors.ts';

/**
 * Where a token route sits: a path is joined to the base URL as every endpoint path is; an absolute
 * URL must be on the target's own origin. Credentials go nowhere else, so another origin is refused
 * before anything is sent.
 */
export function targetUrl(baseUrl: URL, pathOrUrl: string, member: string): URL {
  if (pathOrUrl.startsWith('/')) return new URL(baseUrl.href.replace(/\/+$/, '') + pathOrUrl);
  let url: URL;
  try {
    url = new URL(pathOrUrl);
  } catch {
    throw new HardenError('OPTION_INVALID', `auth.tokens.${member} "${pathOrUrl}" is neither a path nor a URL; write a path such as /oauth/token.`);
  }
  if (url.origin !== baseUrl.origin) {
    throw new HardenError('TARGET_REFUSED', `auth.tokens.${member} is on ${url.origin}, not on the target ${baseUrl.origin}; credentials are only sent to the target's origin, so nothing was sent. Give a path on the target, or point --base-url at that origin.`);
  }
  return url;
}
