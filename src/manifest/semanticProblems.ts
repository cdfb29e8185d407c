import type { Document, LineCounter } from 'yaml';
import { routeKeyOf } from './routeKey.ts';
import type { Problem } from '../errors.ts';
import { jsonSchemaProblems } from './jsonSchemaProblems.ts';
import { pointerSegments, problemReporter } from './locate.ts';
import { statusProblems } from './statusProblems.ts';
import { suggest } from './suggest.ts';
import { tokenProblems } from './tokenProblems.ts';

interface RawEndpoint {
  id: string;
  method: string;
  path: string;
  scopes?: string[];
  public?: boolean;
  authenticated?: boolean;
  params?: Record<string, unknown>;
  query?: Record<string, { schema?: unknown }>;
  headers?: Record<string, { schema?: unknown }>;
  cookies?: Record<string, { schema?: unknown }>;
  body?: unknown;
  responses?: Record<string, unknown>;
}

interface RawManifest {
  objects?: { create: string; param: string }[];
  principals?: Record<string, unknown>;
  auth: { scheme?: string; in?: string; name?: string; scopes: Record<string, unknown>; tokens: { provider: string; tokens?: { scopes: string[] }[] } };
  errors?: { schema?: unknown; statuses?: Record<string, unknown> };
  endpoints: RawEndpoint[];
  schemas?: Record<string, unknown>;
}

/** RFC 9110 §5.1: a field name is a token; so is a cookie name (RFC 6265 §4.1.1). */
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Headers the harness sets itself, or that the HTTP layer owns: a manifest naming one would be
 * overwritten, or would break the request. OpenAPI ignores Accept, Content-Type and Authorization
 * parameters for the same reason.
 */
export const RESERVED_HEADERS: ReadonlySet<string> = new Set(['accept', 'authorization', 'content-type', 'content-length', 'transfer-encoding', 'host', 'connection', 'cookie', 'expect', 'te', 'upgrade', 'keep-alive', 'trailer', 'proxy-authorization']);

function headerProblems(names: string[], report: (name: string, message: string, hint: string) => void): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const lower = name.toLowerCase();
    if (!FIELD_NAME.test(name)) report(name, `"${name}" is not an HTTP header name`, 'use letters, digits and - (RFC 9110 §5.1), e.g. X-Tenant-Id');
    else if (RESERVED_HEADERS.has(lower)) report(name, `the ${name} header is set by the harness or the HTTP layer, not by the manifest`, lower === 'authorization' ? 'describe credentials under auth:' : lower === 'cookie' ? 'declare each cookie under cookies:' : 'remove it');
    else if (seen.has(lower)) report(name, `header "${name}" is already declared as "${seen.get(lower)}" (header names ignore case)`, 'declare it once');
    else seen.set(lower, name);
  }
}

/** Path template variables, RFC 6570 level 1 as used by OpenAPI: `/orders/{id}`. */
export function pathVariables(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

function resolves(root: unknown, pointer: string): boolean {
  let node: unknown = root;
  for (const segment of pointerSegments(pointer)) {
    if (node === null || typeof node !== 'object' || !(segment in node)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return true;
}

function* refs(node: unknown, at: (string | number)[]): Generator<{ ref: string; at: (string | number)[] }> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* refs(item, [...at, i]);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') yield { ref: value, at: [...at, key] };
      else yield* refs(value, [...at, key]);
    }
  }
}

/**
 * Cross-field rules a JSON Schema cannot state: unique ids and routes, declared path variables,
 * catalogued scopes, resolvable $refs, statuses that tell refusals apart, schemas that compile.
 */
export function semanticProblems(value: unknown, doc: Document, lineCounter: LineCounter, file: string): Problem[] {
  const manifest = value as RawManifest;
  const problems: Problem[] = [];
  const report = problemReporter(doc, lineCounter, file, problems);
  const catalogue = Object.keys(manifest.auth.scopes);
  const ids = new Map<string, number>();
  const routes = new Map<string, number>();

  for (const [i, endpoint] of manifest.endpoints.entries()) {
    const first = ids.get(endpoint.id);
    if (first !== undefined) report(['endpoints', i, 'id'], `duplicate endpoint id "${endpoint.id}" (first at /endpoints/${first})`, 'give each endpoint its own id');
    else ids.set(endpoint.id, i);

    const route = routeKeyOf(endpoint.method, endpoint.path, endpoint.query, endpoint.headers);
    const firstRoute = routes.get(route);
    if (firstRoute !== undefined) {
      report(['endpoints', i, 'path'], `${endpoint.method} ${endpoint.path} is already declared at /endpoints/${firstRoute}`, 'declare each method and path once (or tell them apart by a required header or query parameter with a const value); merge the two entries');
    }
    else routes.set(route, i);

    const variables = pathVariables(endpoint.path);
    const params = Object.keys(endpoint.params ?? {});
    for (const name of variables.filter((v) => !params.includes(v))) {
      report(['endpoints', i, 'path'], `path variable {${name}} has no schema in params`, `add params: { ${name}: { type: string } }`);
    }
    for (const name of params.filter((p) => !variables.includes(p))) {
      report(['endpoints', i, 'params', name], `param "${name}" does not appear in the path ${endpoint.path}`, `remove it, or add {${name}} to the path: params are path variables`);
    }

    headerProblems(Object.keys(endpoint.headers ?? {}), (name, message, hint) => report(['endpoints', i, 'headers', name], message, hint));
    for (const name of Object.keys(endpoint.cookies ?? {}).filter((n) => !FIELD_NAME.test(n))) {
      report(['endpoints', i, 'cookies', name], `"${name}" is not a cookie name`, 'use letters, digits and - (a token, RFC 6265 §4.1.1), e.g. session_id');
    }

    if (endpoint.public && (endpoint.scopes?.length ?? 0) > 0) {
      report(['endpoints', i, 'public'], 'an endpoint cannot be public and require scopes', 'remove `public: true` or the scopes');
    }
    if (endpoint.authenticated === true && (endpoint.public === true || (endpoint.scopes?.length ?? 0) > 0)) {
      report(['endpoints', i, 'authenticated'], `endpoint "${endpoint.id}" says authenticated: true (any valid credential) and also ${endpoint.public ? 'public: true' : 'which scopes grant it'}`, endpoint.public ? 'keep one: public needs no credential, authenticated needs any valid one' : 'remove `authenticated: true` (the scopes already require a credential) or the scopes');
    }
    if (!endpoint.public && endpoint.scopes === undefined && endpoint.authenticated !== true) {
      report(['endpoints', i], `endpoint "${endpoint.id}" says neither which scopes grant it nor that it is public`, 'add `scopes: [...]`, `authenticated: true` (any valid credential) or `public: true`');
    }
    for (const [j, scope] of (endpoint.scopes ?? []).entries()) {
      if (!catalogue.includes(scope)) {
        const close = suggest(scope, catalogue);
        report(['endpoints', i, 'scopes', j], `scope "${scope}" is not in the catalogue (auth.scopes)`, close ? `did you mean "${close}"?` : 'add it to auth.scopes with an owner');
      }
    }
  }

  for (const [i, object] of (manifest.objects ?? []).entries()) {
    const creator = manifest.endpoints.find((e) => e.id === object.create);
    if (!creator) {
      const close = suggest(object.create, manifest.endpoints.map((e) => e.id));
      report(['objects', i, 'create'], `objects[${i}].create names "${object.create}", which is no endpoint`, close ? `did you mean "${close}"?` : 'name the id of the endpoint that creates the object');
    } else if (creator.public) {
      report(['objects', i, 'create'], `objects[${i}].create names the public endpoint "${object.create}": an object nobody owns cannot show whether others are kept out`, 'name an endpoint that requires credentials');
    }
    if (!manifest.endpoints.some((e) => pathVariables(e.path).includes(object.param))) {
      report(['objects', i, 'param'], `no endpoint path has the parameter {${object.param}}`, 'name the path parameter that names the object on its routes, e.g. noteId');
    }
    if (Object.keys(manifest.principals ?? {}).length === 0) {
      report(['objects', i], 'objects need another principal to be kept out', 'add principals: { other: { tokens: … } } with that principal\'s credentials');
    }
  }

  const scheme = manifest.auth.scheme ?? 'bearer';
  if (scheme === 'apiKey' && manifest.auth.in !== 'query' && typeof manifest.auth.name === 'string' && !FIELD_NAME.test(manifest.auth.name)) {
    report(['auth', 'name'], `"${manifest.auth.name}" is not a ${manifest.auth.in} name`, 'use letters, digits and -_.!#$%&\'*+^`|~ (an RFC 9110 token), e.g. X-API-Key');
  }
  if (scheme !== 'bearer' && (manifest.auth.tokens.provider === 'jwt' || manifest.auth.tokens.provider === 'oauth2')) {
    report(['auth', 'tokens', 'provider'], `the ${manifest.auth.tokens.provider} provider issues bearer tokens, but auth.scheme is ${scheme}`, scheme === 'basic' ? 'use provider: static with each `user:password` in an environment variable' : 'use provider: static (keys in environment variables) or http (the API\'s key-issuing route)');
  }

  for (const [i, token] of (manifest.auth.tokens.tokens ?? []).entries()) {
    for (const [j, scope] of token.scopes.entries()) {
      if (!catalogue.includes(scope)) {
        const close = suggest(scope, catalogue);
        report(['auth', 'tokens', 'tokens', i, 'scopes', j], `scope "${scope}" is not in the catalogue (auth.scopes)`, close ? `did you mean "${close}"?` : 'add it to auth.scopes, or remove it from this token');
      }
    }
  }

  for (const { ref, at } of refs(value, [])) {
    if (!ref.startsWith('#')) report(at, `$ref "${ref}" points outside the manifest`, 'only local refs such as "#/schemas/Order" are supported');
    else if (!resolves(value, ref.slice(1))) {
      const name = /^#\/schemas\/([^/]+)$/.exec(ref)?.[1];
      const close = name === undefined ? undefined : suggest(name, Object.keys(manifest.schemas ?? {}));
      report(at, `$ref "${ref}" does not resolve`, close ? `did you mean "#/schemas/${close}"?` : 'define it under schemas');
    }
  }
  tokenProblems(value as Parameters<typeof tokenProblems>[0], report);
  statusProblems(manifest.errors?.statuses, report);
  jsonSchemaProblems(manifest, report);
  return problems;
}
