import type { Case } from '../plan/case.ts';
import { scopeKey, type TokenSet } from '../tokens/tokenSet.ts';
import type { SentRequest } from '../transport/exchange.ts';

/** A case needs a token an earlier step failed to obtain (e.g. the drill could not issue its replacement). */
export class TokenUnavailableError extends Error {
  readonly code = 'TOKEN_UNAVAILABLE';
  constructor(caseId: string) {
    super(`no token is available for ${caseId}: the step that obtains it failed (see the token provider's case)`);
    this.name = 'TokenUnavailableError';
  }
}

function tokenFor(c: Case, tokens: TokenSet): string | undefined {
  const ref = c.credential?.token;
  if (!ref) return undefined;
  const token =
    ref.kind === 'revoked' ? tokens.revoked
    : ref.kind === 'forged' ? tokens.forged.get(ref.flaw)
    : ref.kind === 'rotation' ? (ref.which === 'old' ? tokens.rotation?.old : tokens.rotation?.replacement)
    : tokens.live.get(scopeKey(ref.scopes));
  if (!token) throw new TokenUnavailableError(c.id);
  return token.value;
}

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
  const token = tokenFor(c, tokens);
  if (c.credential?.placement === 'header') headers.authorization = c.credential.template.split('{token}').join(token ?? '');
  if (c.credential?.placement === 'query' && token !== undefined) url.searchParams.append(c.credential.template, token);
  return { method: c.request.method, url: url.href, headers, body: c.request.body?.text };
}
