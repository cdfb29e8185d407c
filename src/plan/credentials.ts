import type { Manifest } from '../manifest/types.ts';
import { TOKEN_FLAWS, type Credential, type TokenFlaw } from './case.ts';
import { shared } from './shared.ts';

// Credentials only name a token; the token stage makes its value per run. Most cases of a suite
// present the same one, so each is built once (per manifest where it names a scope) and frozen.
const credential = (placement: Credential['placement'], template: string, token: Credential['token']): Credential =>
  Object.freeze({ placement, template, token: token && Object.freeze(token) });

/** A live token holding exactly `scope`, presented under `template` (a header value, or the query parameter's name). */
export function live(manifest: Manifest, scope: string, template = 'Bearer {token}', placement: Credential['placement'] = 'header'): Credential {
  return shared(manifest, `credential\n${placement}\n${template}\n${scope}`, () => credential(placement, template, { kind: 'live', scopes: Object.freeze([scope]) as string[] }));
}

/** The credential that presents a live token with exactly this scope as a bearer token. */
export const bearer = (manifest: Manifest, scope: string): Credential => live(manifest, scope);

/** A bearer header with no token in it. */
export const EMPTY_BEARER: Credential = credential('header', 'Bearer ', undefined);

export const REVOKED: Credential = credential('header', 'Bearer {token}', { kind: 'revoked' });

const FORGED = new Map(TOKEN_FLAWS.map((flaw) => [flaw, credential('header', 'Bearer {token}', { kind: 'forged', flaw })]));
export const forged = (flaw: TokenFlaw): Credential => FORGED.get(flaw)!;

export const ROTATION = {
  old: credential('header', 'Bearer {token}', { kind: 'rotation', which: 'old' }),
  new: credential('header', 'Bearer {token}', { kind: 'rotation', which: 'new' }),
} as const;
