import type { Manifest } from '../manifest/types.ts';
import { TOKEN_TAMPERS, type Credential, type Expectation, type TokenTamper } from './case.ts';
import { tampered } from './credentials.ts';
import { refusalOf } from './refusalRules.ts';
import { flat, shared } from './shared.ts';

/** What each tampering sends, in words, for the case's reason. */
const SENT: Record<TokenTamper, string> = {
  appended: 'a live, sufficient token with characters appended',
  'last-cut': 'a live, sufficient token with its last character cut',
  'one-changed': 'a live, sufficient token with one character changed (in the signature of a JWT)',
  'case-swapped': 'a live, sufficient token with its letters in the other case',
};

export interface TamperingCase {
  variant: string;
  credential: Credential;
  expect: Expectation;
}

/**
 * The token-tampering cases of one route: a live token for a granting scope, changed one way at run
 * time (the plan never holds a value). Each change stays a b64token (RFC 6750 §2.1), so the header is
 * well-formed and the token simply is not one the API issued: 401 invalid_token (§3.1), never served.
 * Shared per manifest and scope: every route granted by the scope plans the same four.
 */
export function tamperingCases(manifest: Manifest, scope: string | undefined): readonly TamperingCase[] {
  return shared(manifest, `tampering\n${scope ?? ''}`, () =>
    Object.freeze(
      TOKEN_TAMPERS.map((tamper) =>
        Object.freeze({
          variant: flat('tampered token: ', tamper),
          credential: tampered(manifest, scope, tamper),
          expect: refusalOf(manifest, 'invalid-token', SENT[tamper]),
        }),
      ),
    ),
  );
}
