import type { ImportWarning } from './importOpenApi.ts';
import { asObject, asString } from './json.ts';
import { deref } from './refs.ts';

/** The document's security schemes as the harness sees them: which it can present, and the scope catalogue. */
export interface AuthModel {
  /** Scheme names presented as `Authorization: Bearer`: http bearer, oauth2, openIdConnect. */
  bearer: Set<string>;
  /** Schemes it cannot present yet, with words for messages ("apiKey in header X-API-Key"). */
  unsupported: Map<string, string>;
  /** Scope name → description, in document order; grows as requirements name scopes no flow lists. */
  catalogue: Map<string, string | undefined>;
  /** oauth2 flows the harness can run itself (client credentials, password), in document order. */
  tokenFlows: TokenFlow[];
}

/** An OAuth 2.0 flow whose token endpoint the harness can call (RFC 6749 §4.4, §4.3). */
export interface TokenFlow {
  flow: 'clientCredentials' | 'password';
  tokenUrl: string;
  refreshUrl?: string;
  /** JSON pointer of the tokenUrl, for messages. */
  pointer: string;
}

const FLOWS = ['implicit', 'password', 'clientCredentials', 'authorizationCode'];

function describe(scheme: Record<string, unknown>): string {
  if (scheme.type === 'apiKey') return `apiKey in ${asString(scheme.in) ?? '?'} "${asString(scheme.name) ?? '?'}"`;
  if (scheme.type === 'http') return `http ${asString(scheme.scheme) ?? '?'}`;
  return String(scheme.type ?? 'untyped');
}

/**
 * Reads components.securitySchemes. The manifest knows one scheme, bearer: http bearer, oauth2 and
 * openIdConnect all end up as a bearer token, so they map to it; oauth2 flows give the scope catalogue
 * and, for client credentials and password, the token endpoint the oauth2 provider calls
 * (OpenID Connect scopes live in a discovery document the import does not fetch: they are catalogued
 * as operations name them). apiKey, http basic and mutualTLS cannot be presented yet.
 */
export function readSecuritySchemes(root: Record<string, unknown>, warn: (w: ImportWarning) => void): AuthModel {
  const model: AuthModel = { bearer: new Set(), unsupported: new Map(), catalogue: new Map(), tokenFlows: [] };
  for (const [name, value] of Object.entries(asObject(asObject(root.components).securitySchemes))) {
    const scheme = deref(root, value);
    if (!scheme) {
      warn({ construct: 'securitySchemes', message: `security scheme "${name}" is a $ref that does not resolve; operations using it are treated as using an unsupported scheme. Fix the reference.` });
      model.unsupported.set(name, 'unresolvable');
      continue;
    }
    const bearer = (scheme.type === 'http' && asString(scheme.scheme)?.toLowerCase() === 'bearer') || scheme.type === 'oauth2' || scheme.type === 'openIdConnect';
    if (!bearer) {
      model.unsupported.set(name, describe(scheme));
      continue;
    }
    model.bearer.add(name);
    const flows = asObject(scheme.flows);
    for (const flow of ['clientCredentials', 'password'] as const) {
      const tokenUrl = asString(asObject(flows[flow]).tokenUrl);
      const refreshUrl = asString(asObject(flows[flow]).refreshUrl);
      if (tokenUrl) model.tokenFlows.push({ flow, tokenUrl, ...(refreshUrl ? { refreshUrl } : {}), pointer: `#/components/securitySchemes/${name.replace(/~/g, '~0').replace(/\//g, '~1')}/flows/${flow}/tokenUrl` });
    }
    for (const flow of FLOWS) {
      const scopes = asObject(asObject(flows[flow]).scopes);
      for (const [scope, description] of Object.entries(scopes)) {
        // The first flow that describes a scope wins; later flows usually repeat it.
        if (model.catalogue.get(scope) === undefined) model.catalogue.set(scope, asString(description));
      }
    }
  }
  return model;
}
