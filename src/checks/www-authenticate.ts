import { defineCheck } from './check.ts';
import { parseChallenges } from './parseChallenges.ts';

/**
 * RFC 9110 §11.6.1: a 401 carries WWW-Authenticate, with the scheme the API authenticates by
 * (the contract's `challenge`: Bearer, Basic, or one the manifest names; none for API keys, which
 * have no registered scheme). RFC 6750 §3.1 fixes a bearer challenge's error code: none without
 * credentials, invalid_token for a bad token, insufficient_scope (on the 403) for a token lacking the scope.
 */
export const wwwAuthenticateCheck = defineCheck({
  id: 'www-authenticate',
  title: 'A challenge in the scheme the API authenticates by, with the right error code',
  run({ case: c, responses, contract }) {
    const response = responses[0]!;
    const expected = c.expect.challenge;
    const scheme = expected?.scheme ?? contract.challenge;
    if (scheme === null) return [];
    // A challenge without error codes to check (Basic, a named scheme) is due on the 401 alone.
    const due = response.status === 401 || (expected?.errors !== undefined && c.expect.statuses.includes(response.status));
    if (!due) return [];
    const header = response.headers['www-authenticate'];
    if (!header) return [{ code: 'CHALLENGE_MISSING', message: `the ${response.status} has no WWW-Authenticate header` }];
    const challenge = parseChallenges(header).find((ch) => ch.scheme.toLowerCase() === scheme.toLowerCase());
    if (!challenge) return [{ code: 'CHALLENGE_SCHEME_MISSING', message: `WWW-Authenticate offers no ${scheme} challenge: ${header}` }];
    if (expected?.errors === undefined || !c.expect.statuses.includes(response.status)) return [];
    const error = challenge.params.error ?? null;
    if (expected.errors.includes(error)) return [];
    const want = expected.errors.map((e) => (e === null ? 'no error code' : `error="${e}"`)).join(' or ');
    return [{ code: 'CHALLENGE_ERROR_UNEXPECTED', message: `the challenge has ${error === null ? 'no error code' : `error="${error}"`}; expected ${want}` }];
  },
});
