import type { ChallengeExpectation } from './case.ts';

// Shared by every case expecting them, so frozen through and through.
const challenge = (...errors: (string | null)[]): ChallengeExpectation => Object.freeze({ scheme: 'Bearer', errors: Object.freeze(errors) as (string | null)[] });

/** RFC 6750 §3.1: a request without credentials gets a challenge with no error code. */
export const BARE = challenge(null);
/** For credentials the API cannot use, any of the RFC 6750 codes (or none) is a fair answer. */
export const ANY_CODE = challenge(null, 'invalid_request', 'invalid_token');
/** RFC 6750 §3.1: a token that is expired, revoked, malformed or invalid for other reasons. */
export const INVALID_TOKEN = challenge('invalid_token');
/** RFC 6750 §3.1: a valid token without the scope the route needs. */
export const INSUFFICIENT_SCOPE = challenge('insufficient_scope');
/** A token without a scope claim may be judged invalid, or valid but insufficient. */
export const INVALID_OR_INSUFFICIENT = challenge('invalid_token', 'insufficient_scope');
