import type { Manifest } from '../manifest/types.ts';
import { TOKEN_FLAWS, type Credential, type TokenFlaw, type TokenRef, type TokenTamper } from './case.ts';
import { shared } from './shared.ts';

// Credentials only name a token; the token stage makes its value per run. Most cases of a suite
// present the same one, so each is built once (per manifest where it names a scope) and frozen.
const credential = (placement: Credential['placement'], name: string, template: string, token: TokenRef | undefined, encoding?: 'base64'): Credential =>
  Object.freeze({ placement, name, template, token: token && Object.freeze(token), ...(encoding ? { encoding } : {}) });

/** The scopes a live token for `scope` holds: none when the route takes any valid credential. */
const held = (scope: string | undefined) => Object.freeze(scope === undefined ? [] : [scope]) as string[];

/**
 * How the manifest's scheme presents a token: `Authorization: Bearer` (RFC 6750 §2.1), an API key
 * where `auth.in` and `auth.name` say, or `Authorization: Basic` with the `user:password` the
 * provider holds, base64-encoded (RFC 7617 §2).
 */
export function presented(manifest: Manifest, token: TokenRef | undefined): Credential {
  const { scheme, apiKey } = manifest.auth;
  // Header names are case-insensitive (RFC 9110 §5.1) and requests carry them lower-case.
  if (scheme === 'apiKey') return credential(apiKey!.in, apiKey!.in === 'header' ? apiKey!.name.toLowerCase() : apiKey!.name, '{token}', token);
  if (scheme === 'basic') return credential('header', 'authorization', 'Basic {token}', token, 'base64');
  return credential('header', 'authorization', 'Bearer {token}', token);
}

/** A live token holding exactly `scope` (none: any valid credential), as the manifest's scheme presents it. */
export function live(manifest: Manifest, scope: string | undefined): Credential {
  return shared(manifest, `credential\n${scope ?? ''}`, () => presented(manifest, { kind: 'live', scopes: held(scope) }));
}

/** A live token of another principal holding exactly `scope`, as the manifest's scheme presents it. */
export function liveOf(manifest: Manifest, principal: string, scope: string | undefined): Credential {
  return shared(manifest, `credential of\n${principal}\n${scope ?? ''}`, () => presented(manifest, { kind: 'live', scopes: held(scope), principal }));
}

/** A live token presented some other way: under another header value, query parameter or cookie. */
export function liveAs(manifest: Manifest, scope: string | undefined, placement: Credential['placement'], name: string, template: string, encoding?: 'base64'): Credential {
  return shared(manifest, `credential\n${placement}\n${name}\n${template}\n${encoding ?? ''}\n${scope ?? ''}`, () =>
    credential(placement, name, template, { kind: 'live', scopes: held(scope) }, encoding),
  );
}

/** A header or parameter present with no credential in it. */
export function emptyAs(placement: Credential['placement'], name: string, template: string): Credential {
  return credential(placement, name, template, undefined);
}

/** A live token for `scope`, changed by `tamper` at run time, presented as the scheme does. */
export function tampered(manifest: Manifest, scope: string | undefined, tamper: TokenTamper): Credential {
  return presented(manifest, { kind: 'tampered', scopes: held(scope), tamper });
}

export function revoked(manifest: Manifest): Credential {
  return shared(manifest, 'credential revoked', () => presented(manifest, { kind: 'revoked' }));
}

export function expired(manifest: Manifest): Credential {
  return shared(manifest, 'credential expired', () => presented(manifest, { kind: 'expired' }));
}

export function rotation(manifest: Manifest, which: 'old' | 'new'): Credential {
  return shared(manifest, `credential rotation ${which}`, () => presented(manifest, { kind: 'rotation', which }));
}

/** A bearer header with no token in it. */
export const EMPTY_BEARER: Credential = credential('header', 'authorization', 'Bearer ', undefined);

// Forged tokens are locally signed JWTs: the jwt provider speaks bearer only.
const FORGED = new Map(TOKEN_FLAWS.map((flaw) => [flaw, credential('header', 'authorization', 'Bearer {token}', { kind: 'forged', flaw })]));
export const forged = (flaw: TokenFlaw): Credential => FORGED.get(flaw)!;
