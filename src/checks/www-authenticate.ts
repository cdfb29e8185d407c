import { defineCheck } from './check.ts';
import { parseChallenges } from './parseChallenges.ts';

/**
 * RFC 9110 §11.6.1: a 401 carries WWW-Authenticate. RFC 6750 §3: a bearer API challenges with
 * Bearer; §3.1 fixes the error code: none without credentials, invalid_token for a bad token,
 * insufficient_scope (on the 403) for a token lacking the scope.
 */
export const wwwAuthenticateCheck = defineCheck({
  id: 'www-authenticate',
  title: 'A Bearer challenge with the right error code',
  run({ case: c, responses }) {
    const response = responses[0]!;
    const expected = c.expect.challenge;
    const due = response.status === 401 || (expected !== undefined && c.expect.statuses.includes(response.status));
    if (!due) return [];
    const header = response.headers['www-authenticate'];
    if (!header) return [{ code: 'CHALLENGE_MISSING', message: `the ${response.status} has no WWW-Authenticate header` }];
    const scheme = expected?.scheme ?? 'Bearer';
    const challenge = parseChallenges(header).find((ch) => ch.scheme.toLowerCase() === scheme.toLowerCase());
    if (!challenge) return [{ code: 'CHALLENGE_SCHEME_MISSING', message: `WWW-Authenticate offers no ${scheme} challenge: ${header}` }];
    if (!expected || !c.expect.statuses.includes(response.status)) return [];
    const error = challenge.params.error ?? null;
    if (expected.errors.includes(error)) return [];
    const want = expected.errors.map((e) => (e === null ? 'no error code' : `error="${e}"`)).join(' or ');
    return [{ code: 'CHALLENGE_ERROR_UNEXPECTED', message: `the challenge has ${error === null ? 'no error code' : `error="${error}"`}; expected ${want}` }];
  },
});
