import type { TokenTamper } from '../plan/case.ts';

/** The base64url alphabet (RFC 4648 §5); a character in it is changed to the one 32 places away, so all six bits it carries differ in the top one. */
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Three base64url segments: a JWS in compact serialisation (RFC 7515 §7.1). */
const JWT_LIKE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** The value without its trailing `=` padding, and the padding (RFC 6750 §2.1 allows it only at the end). */
function splitPadding(value: string): [string, string] {
  const body = value.replace(/=+$/, '');
  return [body, value.slice(body.length)];
}

/** A character of the token's own alphabet that differs from `c`. */
function changed(c: string): string {
  const i = BASE64URL.indexOf(c);
  return i < 0 ? 'A' : BASE64URL[i ^ 32]!;
}

function changeAt(value: string, at: number): string {
  return value.slice(0, at) + changed(value[at]!) + value.slice(at + 1);
}

/**
 * A live token's value changed in one way, still inside RFC 6750 §2.1's b64token syntax, so the case
 * tests the token's validation rather than the header's parsing; `undefined` when the change cannot
 * be made (a one-character token cannot lose one, a token without letters has no other case).
 */
export function tamperToken(value: string, tamper: TokenTamper): string | undefined {
  const [body, padding] = splitPadding(value);
  switch (tamper) {
    // Padding may repeat (`*"="`), so a padded token grows by padding and stays a b64token.
    case 'appended':
      return padding === '' ? `${value}x7Q` : `${value}==`;
    // The last character that carries data: cutting only padding may decode to the same bytes.
    case 'last-cut':
      return body.length < 2 ? undefined : body.slice(0, -1) + padding;
    // In a JWT the signature (RFC 7515 §7.1), in its middle: its last character may hold unused bits.
    case 'one-changed': {
      if (body.length === 0) return undefined;
      if (JWT_LIKE.test(body)) {
        const start = body.lastIndexOf('.') + 1;
        return changeAt(body, start + Math.floor((body.length - start) / 2)) + padding;
      }
      return changeAt(body, Math.floor(body.length / 2)) + padding;
    }
    case 'case-swapped': {
      if (!/[A-Za-z]/.test(value)) return undefined;
      return value.replace(/[A-Za-z]/g, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()));
    }
  }
}
