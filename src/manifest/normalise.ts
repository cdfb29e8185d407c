import type { Document, LineCounter } from 'yaml';
import { catalogueWarnings } from './catalogueWarnings.ts';
import { RFC9457_SCHEMA } from './rfc9457.ts';
import { locatePointer } from './locate.ts';
import type { AuthScheme, Endpoint, ErrorStatuses, HttpMethod, JsonSchema, Manifest, NamedParameter, TokenProviderConfig } from './types.ts';

type Raw = Record<string, any>;

const DEFAULT_CHALLENGE: Record<AuthScheme, string | null> = { bearer: 'Bearer', basic: 'Basic', apiKey: null };

const asList = (value: unknown, fallback: number[]): number[] =>
  value === undefined ? fallback : Array.isArray(value) ? (value as number[]) : [value as number];

function statuses(raw: Raw | undefined): ErrorStatuses {
  const unauthenticated = asList(raw?.unauthenticated, [401]);
  const invalid = asList(raw?.invalid, [400]);
  return {
    unauthenticated,
    // RFC 6750 §3.1: a malformed request is invalid_request, answered 400; reading it as no usable credentials gives 401.
    malformedCredentials: asList(raw?.malformedCredentials, [...new Set([400, ...unauthenticated])]),
    forbidden: asList(raw?.forbidden, [403]),
    invalid,
    malformedJson: asList(raw?.malformedJson, invalid),
    unsupportedMediaType: asList(raw?.unsupportedMediaType, [415]),
    tooLarge: asList(raw?.tooLarge, [413]),
  };
}

function tokens(raw: Raw): TokenProviderConfig {
  if (raw.provider === 'static') return { provider: 'static', tokens: raw.tokens, revoked: raw.revoked };
  if (raw.provider === 'jwt') {
    return { scopeClaim: 'scope', scopeFormat: 'space', ttlSeconds: 300, ...raw, provider: 'jwt' } as TokenProviderConfig;
  }
  if (raw.provider === 'oauth2') {
    // RFC 6749 §2.3.1: every authorization server must accept HTTP Basic, so it is the default.
    return { grant: 'client_credentials', clientAuth: 'client_secret_basic', ...raw, provider: 'oauth2' } as TokenProviderConfig;
  }
  return {
    provider: 'http',
    clientAuth: raw.clientAuth,
    issue: { tokenPointer: '/access_token', idPointer: '/token_id', encoding: 'json', ...raw.issue },
    revoke: raw.revocation === 'none' ? 'none' : raw.revoke,
  };
}

/** `required` defaults to false, as in OpenAPI; header names are kept in lower case. */
function namedParameters(raw: Record<string, { schema: JsonSchema; required?: boolean }> | undefined, lowerCase: boolean): Record<string, NamedParameter> {
  const out: Record<string, NamedParameter> = {};
  for (const [name, p] of Object.entries(raw ?? {})) out[lowerCase ? name.toLowerCase() : name] = { schema: p.schema, required: p.required === true };
  return out;
}

/** Fills every default, so later stages never ask "was this set?". Input must already be valid. */
export function normalise(raw: Raw, file: string, sha256: string, doc: Document, lineCounter: LineCounter): Manifest {
  const usesRfc9457 = raw.errors?.schema === undefined || raw.errors.schema === 'rfc9457';
  const endpoints: Endpoint[] = (raw.endpoints as Raw[]).map((e, i) => ({
    id: e.id,
    method: e.method as HttpMethod,
    path: e.path,
    scopes: e.authenticated === true ? [] : (e.scopes ?? []),
    public: e.authenticated !== true && (e.public === true || (Array.isArray(e.scopes) && e.scopes.length === 0)),
    params: e.params ?? {},
    query: namedParameters(e.query, false),
    headers: namedParameters(e.headers, true),
    cookies: namedParameters(e.cookies, false),
    body: e.body as JsonSchema | undefined,
    contentType: e.contentType ?? 'application/json',
    responses: e.responses ?? {},
    line: locatePointer(doc, lineCounter, `/endpoints/${i}`)?.line,
  }));
  return {
    harden: 1,
    service: raw.service,
    baseUrl: String(raw.baseUrl).replace(/\/+$/, ''),
    exposure: raw.exposure ?? 'loopback',
    auth: {
      scheme: raw.auth.scheme,
      ...(raw.auth.scheme === 'apiKey' ? { apiKey: { in: raw.auth.in, name: raw.auth.name } } : {}),
      realm: raw.auth.realm,
      allowQueryToken: raw.auth.allowQueryToken ?? false,
      tokens: tokens(raw.auth.tokens),
      scopes: raw.auth.scopes,
    },
    principals: Object.fromEntries(Object.entries((raw.principals ?? {}) as Record<string, Raw>).map(([name, p]) => [name, { tokens: tokens(p.tokens) }])),
    objects: ((raw.objects ?? []) as Raw[]).map((o) => ({ name: o.name ?? o.param, create: o.create, id: o.id, param: o.param, refusal: asList(o.refusal, [403, 404]) })),
    errors: {
      contentType: raw.errors?.contentType ?? 'application/problem+json',
      schema: usesRfc9457 ? RFC9457_SCHEMA : (raw.errors.schema as JsonSchema),
      statusMember: raw.errors?.statusMember !== undefined ? raw.errors.statusMember : usesRfc9457 ? 'status' : null,
      volatile: raw.errors?.volatile ?? [],
      statuses: statuses(raw.errors?.statuses),
      // RFC 9110 §11.6.1 wants a challenge on every 401; an API key has no registered scheme to offer.
      challenge: raw.auth.challenge ?? DEFAULT_CHALLENGE[raw.auth.scheme as AuthScheme],
    },
    limits: { maxBodyBytes: raw.limits?.maxBodyBytes, ...(raw.limits?.expiryWaitSeconds !== undefined ? { expiryWaitSeconds: raw.limits.expiryWaitSeconds } : {}) },
    ...(raw.gate?.require ? { gate: { require: raw.gate.require } } : {}),
    ...(raw.fields ? { fields: raw.fields } : {}),
    // RFC 9110 §5.1: field names are case-insensitive, so they are compared lower-case.
    ...(raw.disclosure ? { disclosure: { allowHeaders: ((raw.disclosure.allowHeaders ?? []) as string[]).map((h) => h.toLowerCase()) } } : {}),
    // Origins are compared as serialised (RFC 6454 §6.2): scheme and host lower-case, as browsers send them.
    ...(raw.cors ? { cors: { allowedOrigins: ((raw.cors.allowedOrigins ?? []) as string[]).map((o) => o.toLowerCase()), credentials: raw.cors.credentials === true } } : {}),
    endpoints,
    schemas: raw.schemas ?? {},
    approved: ((raw.approved ?? []) as Raw[]).map((a) => ({ endpoint: a.endpoint, change: a.change, reason: a.reason, ...(a.environment ? { environment: a.environment } : {}) })),
    environments: Object.fromEntries(
      Object.entries((raw.environments ?? {}) as Record<string, Raw>).map(([name, e]) => [
        name,
        { baseUrl: e.baseUrl?.replace(/\/+$/, ''), exposure: e.exposure, tokens: e.tokens ? tokens(e.tokens) : undefined, endpoints: e.endpoints ?? {} },
      ]),
    ),
    source: file,
    sha256,
    warnings: catalogueWarnings(raw.auth.scopes, raw.endpoints),
  };
}
