import type { Case } from '../plan/case.ts';
import { scopeKey, tamperKey, type TokenSet } from '../tokens/tokenSet.ts';
import type { SentRequest } from '../model/exchange.ts';

/** A case needs a token an earlier step failed to obtain (e.g. the drill could not issue its replacement). */
export class TokenUnavailableError extends Error {
  readonly code = 'TOKEN_UNAVAILABLE';
  constructor(caseId: string) {
    super(`no token is available for ${caseId}: the step that obtains it failed (see the token provider's case)`);
    this.name = 'TokenUnavailableError';
  }
}

/** A tampering the live token does not allow (a token without letters has no other case): the case is skipped, not failed. */
export class TamperNotApplicableError extends TokenUnavailableError {
  readonly skipReason: string;
  constructor(caseId: string, tamper: string) {
    super(caseId);
    this.skipReason = `not sent: the live token cannot be ${tamper.replace(/-/g, ' ')} (e.g. it has no letters to change the case of)`;
  }
}

function tokenFor(c: Case, tokens: TokenSet): string | undefined {
  const ref = c.credential?.token;
  if (!ref) return undefined;
  if (ref.kind === 'tampered') {
    const key = tamperKey(ref.tamper, ref.scopes);
    if (tokens.tampered?.has(key) && tokens.tampered.get(key) === undefined) throw new TamperNotApplicableError(c.id, ref.tamper);
    const tampered = tokens.tampered?.get(key);
    if (!tampered) throw new TokenUnavailableError(c.id);
    return tampered.value;
  }
  const token =
    ref.kind === 'revoked' ? tokens.revoked
    : ref.kind === 'expired' ? (tokens.expired?.unavailable === undefined ? tokens.expired?.token : undefined)
    : ref.kind === 'forged' ? tokens.forged.get(ref.flaw)
    : ref.kind === 'rotation' ? (ref.which === 'old' ? tokens.rotation?.old : tokens.rotation?.replacement)
    : ref.principal !== undefined ? tokens.principals?.get(ref.principal)?.get(scopeKey(ref.scopes))
    : tokens.live.get(scopeKey(ref.scopes));
  if (!token) throw new TokenUnavailableError(c.id);
  return token.value;
}

const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?:\/|$)/i;

/** A planned case becomes a concrete request: base URL, credentials filled in. The only place tokens meet requests. */
/** The base URL without its trailing slashes, per URL object: it is the same for every request of a run. */
const bases = new WeakMap<URL, string>();

export function materialise(c: Case, baseUrl: URL, tokens: TokenSet): SentRequest {
  let base = bases.get(baseUrl);
  if (base === undefined) bases.set(baseUrl, (base = baseUrl.href.replace(/\/+$/, '')));
  const url = new URL(base + c.request.path);
  for (const [name, value] of Object.entries(c.request.query ?? {})) {
    if (typeof value === 'string') url.searchParams.append(name, value);
    else for (const one of value) url.searchParams.append(name, one);
  }
  const headers: Record<string, string> = { ...c.request.headers };
  if (c.request.body?.contentType) headers['content-type'] = c.request.body.contentType;
  const credential = c.credential;
  if (credential) {
    const token = tokenFor(c, tokens);
    const encoded = token !== undefined && credential.encoding === 'base64' ? Buffer.from(token, 'utf8').toString('base64') : token;
    const value = credential.template.split('{token}').join(encoded ?? '');
    if (credential.placement === 'header') headers[credential.name] = value;
    else if (credential.placement === 'query') for (const name of [credential.name, ...(credential.alsoAs ?? [])]) url.searchParams.append(name, value);
    // One Cookie header (RFC 6265 §5.4): the key joins the cookie parameters the request already carries.
    else headers.cookie = [headers.cookie, `${credential.name}=${value}`].filter(Boolean).join('; ');
  }
  // The URL parser resolves `.`, `..` and `%2e` segments (WHATWG URL); a path that holds one on purpose is sent as planned.
  const href = DOT_SEGMENT.test(c.request.path) ? base + c.request.path + url.search : url.href;
  return { method: c.request.method, url: href, headers, body: c.request.body?.text };
}
