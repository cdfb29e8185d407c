import type { ImportWarning } from './importOpenApi.ts';
import { asObject, asString } from './json.ts';
import { deref } from './refs.ts';

/** How a security scheme's credential is presented, in the manifest's words (`auth.scheme`, `in`, `name`). */
export type Presentation = { scheme: 'bearer' } | { scheme: 'basic' } | { scheme: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string };

/** The document's security schemes as the harness sees them: which it can present, and the scope catalogue. */
export interface AuthModel {
  /** Schemes the manifest can describe, by name: http bearer, oauth2 and openIdConnect as bearer; apiKey; http basic. */
  usable: Map<string, Presentation>;
  /**
   * The scheme names the manifest's one scheme stands for (chooseScheme fills it): every bearer-like
   * scheme, or the one apiKey or Basic scheme chosen. Operations needing only others are not protected by it.
   */
  chosen: Set<string>;
  presentation: Presentation;
  /** Schemes it cannot present, with words for messages ("mutualTLS", "http digest"). */
  unsupported: Map<string, string>;
  /** Every declared scheme in words for messages ("apiKey in header \"X-API-Key\""). */
  described: Map<string, string>;
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

/** The kind of credential a scheme takes: all bearer-like schemes are one kind, each API key placement its own. */
export const presentationKey = (p: Presentation): string => (p.scheme === 'apiKey' ? `apiKey ${p.in} ${p.name.toLowerCase()}` : p.scheme);

/** Words for messages: "bearer tokens", "an API key in header X-API-Key", "HTTP Basic". */
export const presentationWords = (p: Presentation): string =>
  p.scheme === 'apiKey' ? `an API key in ${p.in} "${p.name}"` : p.scheme === 'basic' ? 'HTTP Basic credentials' : 'bearer tokens';

function presentationOf(scheme: Record<string, unknown>): Presentation | undefined {
  if ((scheme.type === 'http' && asString(scheme.scheme)?.toLowerCase() === 'bearer') || scheme.type === 'oauth2' || scheme.type === 'openIdConnect') return { scheme: 'bearer' };
  if (scheme.type === 'http' && asString(scheme.scheme)?.toLowerCase() === 'basic') return { scheme: 'basic' };
  const place = asString(scheme.in);
  const name = asString(scheme.name);
  // A header or cookie name must be an RFC 9110 token; a query parameter's name may be anything.
  if (scheme.type === 'apiKey' && (place === 'header' || place === 'cookie') && name && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return { scheme: 'apiKey', in: place, name };
  if (scheme.type === 'apiKey' && place === 'query' && name) return { scheme: 'apiKey', in: place, name };
  return undefined;
}

/**
 * Reads components.securitySchemes. http bearer, oauth2 and openIdConnect all end up as a bearer
 * token; apiKey (header, query or cookie) and http basic are presented as themselves; mutualTLS,
 * other http schemes and malformed apiKey schemes cannot be. oauth2 flows give the scope catalogue
 * and, for client credentials and password, the token endpoint the oauth2 provider calls
 * (OpenID Connect scopes live in a discovery document the import does not fetch: they are catalogued
 * as operations name them, as are the role names OpenAPI 3.1 lets other schemes' requirements list).
 */
export function readSecuritySchemes(root: Record<string, unknown>, warn: (w: ImportWarning) => void): AuthModel {
  const model: AuthModel = { usable: new Map(), chosen: new Set(), presentation: { scheme: 'bearer' }, unsupported: new Map(), described: new Map(), catalogue: new Map(), tokenFlows: [] };
  for (const [name, value] of Object.entries(asObject(asObject(root.components).securitySchemes))) {
    const scheme = deref(root, value);
    if (!scheme) {
      warn({ construct: 'securitySchemes', message: `security scheme "${name}" is a $ref that does not resolve; operations using it are treated as using an unsupported scheme. Fix the reference.` });
      model.unsupported.set(name, 'unresolvable');
      continue;
    }
    model.described.set(name, describe(scheme));
    const presentation = presentationOf(scheme);
    if (!presentation) {
      model.unsupported.set(name, describe(scheme));
      continue;
    }
    model.usable.set(name, presentation);
    if (presentation.scheme !== 'bearer') continue;
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

/**
 * The manifest describes one scheme: the overlay's `auth.securityScheme` when it names one, else the
 * kind of credential that protects the most operations (ties: bearer, then API key, then Basic).
 * `requirements` are every selected operation's, each a list of alternatives.
 */
export function chooseScheme(model: AuthModel, requirements: unknown[], named: string | undefined, warn: (w: ImportWarning) => void): void {
  const kinds = new Map<string, { presentation: Presentation; operations: number }>();
  for (const requirement of requirements) {
    const seen = new Set<string>();
    for (const alternative of Array.isArray(requirement) ? requirement : []) {
      const names = Object.keys(asObject(alternative));
      const presentations = names.map((n) => model.usable.get(n));
      // An alternative needing two kinds at once cannot be presented by one scheme.
      if (names.length === 0 || presentations.some((p) => p === undefined)) continue;
      const keys = new Set(presentations.map((p) => presentationKey(p!)));
      if (keys.size !== 1) continue;
      const key = [...keys][0]!;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = kinds.get(key) ?? { presentation: presentations[0]!, operations: 0 };
      entry.operations += 1;
      kinds.set(key, entry);
    }
  }
  const rank = (p: Presentation) => ['bearer', 'apiKey', 'basic'].indexOf(p.scheme);
  let chosen = [...kinds.values()].sort((a, b) => b.operations - a.operations || rank(a.presentation) - rank(b.presentation))[0]?.presentation;
  if (named !== undefined) {
    const presentation = model.usable.get(named);
    if (presentation) chosen = presentation;
    else warn({ construct: 'overlay', message: `auth.securityScheme "${named}" is not a scheme the harness can present in components.securitySchemes (${[...model.usable.keys()].join(', ') || 'none'}); it is ignored.` });
  }
  if (!chosen) return;
  model.presentation = chosen;
  for (const [name, p] of model.usable) if (presentationKey(p) === presentationKey(chosen)) model.chosen.add(name);
  const others = [...kinds.entries()].filter(([key]) => key !== presentationKey(chosen));
  if (others.length > 0) {
    warn({
      construct: 'securitySchemes',
      message: `the document also accepts ${others.map(([, k]) => presentationWords(k.presentation)).join(' and ')}; the manifest presents ${presentationWords(chosen)}, so ${others.length === 1 ? 'that alternative is' : 'those alternatives are'} not tested (an operation nothing else can authorise is mapped as public, and warned). Import again with auth.securityScheme in the overlay to test ${others.length === 1 ? 'it' : 'one'}.`,
    });
  }
}
