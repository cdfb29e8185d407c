import type { ErrorStatuses, Manifest } from '../manifest/types.ts';
import type { ChallengeExpectation, Expectation } from './case.ts';
import { ANY_CODE, BARE, INSUFFICIENT_SCOPE, INVALID_OR_INSUFFICIENT, INVALID_TOKEN } from './challenges.ts';
import { refusal, refused } from './expectations.ts';
import { shared } from './shared.ts';

/** One kind of refusal: which of the manifest's statuses it may answer, which challenge, and the standard behind it. */
export interface RefusalRule {
  /** The `errors.statuses` kinds whose statuses are all fair answers. */
  kinds: readonly (keyof ErrorStatuses)[];
  challenge?: ChallengeExpectation;
  /** What is sent, in words, for the table in docs/expectations.md. */
  sent: string;
  standard: string;
  why: string;
}

/**
 * What every case that must be refused expects, stated once: every suite that sends the same kind of
 * request asks the same of the answer (docs/expectations.md renders this table; a test keeps them equal).
 */
export const REFUSAL_RULES = {
  'no-credentials': {
    kinds: ['unauthenticated'],
    challenge: BARE,
    sent: 'no Authorization header; also with an unknown resource or an invalid body (authentication comes first)',
    standard: 'RFC 6750 §3, §3.1; RFC 9110 §11.6.1',
    why: '401 with a Bearer challenge that carries no error code: the client did not try to authenticate',
  },
  'unusable-credentials': {
    kinds: ['unauthenticated', 'malformedCredentials'],
    challenge: ANY_CODE,
    sent: 'a live token under another scheme (`Token …`), or in the `access_token` query parameter the manifest does not allow',
    standard: 'RFC 6750 §2.3, §3.1; RFC 9110 §11.6.1',
    why: 'an unsupported method is a request without credentials (401); a parameter the API does not support may also be invalid_request (400). The challenge SHOULD NOT carry an error code, so none is required',
  },
  'malformed-credentials': {
    kinds: ['malformedCredentials'],
    challenge: ANY_CODE,
    sent: 'an Authorization header outside RFC 6750 §2.1: an empty bearer, two tokens, characters outside b64token, junk after a live token',
    standard: 'RFC 6750 §2.1, §3.1',
    why: 'a malformed request is invalid_request, which §3.1 answers with 400; a server that reads it as no usable credentials answers 401. `malformedCredentials` defaults to both',
  },
  'invalid-token': {
    kinds: ['unauthenticated'],
    challenge: INVALID_TOKEN,
    sent: 'a revoked token, a token rotated out, a forged, expired or not-yet-valid token, a live token tampered with (characters appended, the last cut, one changed, letters in the other case)',
    standard: 'RFC 6750 §3.1 (invalid_token)',
    why: '401 with error="invalid_token": the token is well-formed but no longer, or never, valid',
  },
  'missing-scope-claim': {
    kinds: ['unauthenticated', 'forbidden'],
    challenge: INVALID_OR_INSUFFICIENT,
    sent: 'a correctly signed token without a scope claim',
    standard: 'RFC 6750 §3.1',
    why: 'the API may read it as invalid (401 invalid_token) or as valid without the scope (403 insufficient_scope)',
  },
  'insufficient-scope': {
    kinds: ['forbidden'],
    challenge: INSUFFICIENT_SCOPE,
    sent: 'a live token holding only a catalogued scope that does not grant the route (the scope matrix)',
    standard: 'RFC 6750 §3.1 (insufficient_scope); RFC 9110 §15.5.4',
    why: '403 with error="insufficient_scope": the token is valid, its scope is not enough',
  },
  'invalid-input': {
    kinds: ['invalid'],
    sent: 'with a live, sufficient token: a body or a query, header or cookie parameter breaking one constraint of its schema, or a required one left out',
    standard: 'RFC 9110 §15.5.1; RFC 9457',
    why: 'the request is well-formed HTTP but not what the contract accepts',
  },
  'malformed-json': {
    kinds: ['malformedJson'],
    sent: 'a body that is not JSON (cut short)',
    standard: 'RFC 9110 §15.5.1; RFC 8259',
    why: 'the body cannot be parsed; `malformedJson` defaults to `invalid`',
  },
  'hostile-body': {
    kinds: ['malformedJson', 'invalid'],
    sent: 'bodies that are not JSON, or JSON that cannot be the documented object',
    standard: 'RFC 9110 §15.5.1',
    why: 'unparsable or of the wrong shape: either refusal is right',
  },
  'hostile-value': {
    kinds: ['invalid', 'malformedJson'],
    sent: 'a valid body but for one field, at any depth, holding a NUL, a lone surrogate, 2^53+1, ±1e308, 1e400, a prototype key, 200 nested arrays or a 1 MB string',
    standard: 'RFC 9110 §15.5.1; RFC 8259 §6, §8.2, §9',
    why: 'the schema refuses the value (`invalid`), or the parser does, within the limits RFC 8259 lets it set (`malformedJson`); past `limits.maxBodyBytes` also `tooLarge`; a value the schema accepts may be served. Never a 5xx',
  },
  'unsupported-media-type': {
    kinds: ['unsupportedMediaType'],
    sent: 'the documented body under another media type',
    standard: 'RFC 9110 §15.5.16',
    why: '415: the API does not take that media type on this route',
  },
  'media-type-variant': {
    kinds: ['unsupportedMediaType'],
    sent: 'the documented body as `application/json` with an unknown parameter, as an undocumented `+json` type, or with no Content-Type',
    standard: 'RFC 9110 §8.3, §8.3.1, §15.5.16; RFC 6839 §3.1',
    why: 'the API may read the body as JSON (a documented success) or refuse the media type with 415. Never a 5xx',
  },
  'foreign-charset': {
    kinds: ['unsupportedMediaType', 'malformedJson'],
    sent: 'the documented body (UTF-8 bytes) as `application/json; charset=utf-16`',
    standard: 'RFC 8259 §8.1, §11; RFC 9110 §15.5.16',
    why: 'the charset parameter has no effect on a compliant recipient (a documented success); 415 refuses the declared encoding; decoded as UTF-16 the bytes are not JSON (`malformedJson`). Never a 5xx',
  },
  'duplicate-content-type': {
    kinds: ['unsupportedMediaType', 'invalid'],
    sent: 'the documented body with two Content-Type field lines, `text/plain` then the documented type',
    standard: 'RFC 9110 §5.3, §8.3, §15.5.1, §15.5.16',
    why: 'the sender broke §5.3 (Content-Type is a singleton); the API may refuse the message (`invalid`) or the media type (415), or read one of the two (a documented success). Never a 5xx',
  },
  'too-large': {
    kinds: ['tooLarge'],
    sent: 'a body just past `limits.maxBodyBytes`',
    standard: 'RFC 9110 §15.5.14',
    why: "413; the server may close the connection after answering (§15.5.14), which is still its answer. A server that closes at once, without RFC 9112 §9.6's staged close, may reset the connection under the upload before its 413 can be read: on a case that admits `tooLarge` (this one, or a hostile value that pushes the body past the limit) that reset is a refusal, kept in the evidence as the exchange's failure, not an error verdict; on any other case it stays an error",
  },
} as const satisfies Record<string, RefusalRule>;

export type RefusalKind = keyof typeof REFUSAL_RULES;

/** The statuses a rule allows under this manifest's error contract, without repeats. */
export function ruleStatuses(manifest: Manifest, kind: RefusalKind): number[] {
  const rule: RefusalRule = REFUSAL_RULES[kind];
  if (rule.kinds.length === 1) return manifest.errors.statuses[rule.kinds[0]!];
  return [...new Set(rule.kinds.flatMap((k) => manifest.errors.statuses[k]))];
}

/**
 * The challenge a rule asks for under the manifest's scheme. The table's challenges are RFC 6750's,
 * for bearer. Another scheme's 401 must still offer the contract's challenge (RFC 9110 §11.6.1) —
 * Basic (RFC 7617 §2), or the scheme `auth.challenge` names — but it has no error codes to check,
 * and a 403 asks for none; an API key without a named challenge asks for nothing.
 */
export function challengeOf(manifest: Manifest, kind: RefusalKind): ChallengeExpectation | undefined {
  const rule: RefusalRule = REFUSAL_RULES[kind];
  if (manifest.auth.scheme === 'bearer' || rule.challenge === undefined) return rule.challenge;
  const scheme = manifest.errors.challenge;
  if (scheme === null || !rule.kinds.includes('unauthenticated')) return undefined;
  return shared(manifest, `challenge ${scheme}`, () => Object.freeze({ scheme }));
}

/** The expectation of a refusal of this kind; `reason` says it for the case at hand. Shared (frozen) per manifest. */
export function refusalOf(manifest: Manifest, kind: RefusalKind, reason: string): Expectation {
  return refused(manifest, ruleStatuses(manifest, kind), reason, challengeOf(manifest, kind));
}

/** The same, for a reason that names the case's own route or scope: an object of its own. */
export function ownRefusalOf(manifest: Manifest, kind: RefusalKind, reason: string): Expectation {
  return refusal(ruleStatuses(manifest, kind), reason, challengeOf(manifest, kind));
}
