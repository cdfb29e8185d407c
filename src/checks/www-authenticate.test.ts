import { describe, expect, it } from 'vitest';
import type { ChallengeExpectation, Expectation } from '../plan/case.ts';
import { parseChallenges } from './parseChallenges.ts';
import { problem401, testContext } from './testContext.ts';
import { wwwAuthenticateCheck } from './www-authenticate.ts';

const answer = (status: number, challenge?: string) => ({ ...problem401({ status }), status, headers: { 'content-type': 'application/problem+json', ...(challenge === undefined ? {} : { 'www-authenticate': challenge }) } });
const run = (expectation: Partial<Expectation>, status: number, challenge?: string) => wwwAuthenticateCheck.run(testContext({ expect: expectation, responses: [answer(status, challenge)] }));
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

const noCredentials: Partial<Expectation> = { statuses: [401], challenge: { scheme: 'Bearer', errors: [null] } };
const badToken: Partial<Expectation> = { statuses: [401], challenge: { scheme: 'Bearer', errors: ['invalid_token'] } };
const lacksScope: Partial<Expectation> = { statuses: [403], challenge: { scheme: 'Bearer', errors: ['insufficient_scope'] } };

describe('www-authenticate', () => {
  // RFC 9110 §11.1: the auth-scheme is a case-insensitive token; RFC 6750 §3: a bearer API challenges with Bearer.
  it.each([
    ['Bearer', []],
    ['bearer', []],
    ['BEARER realm="x"', []],
    ['Basic realm="a", Bearer realm="b"', []],
    ['Basic realm="a", bearer', []],
    ['Basic realm="x"', ['CHALLENGE_SCHEME_MISSING']],
    ['Bearerish realm="x"', ['CHALLENGE_SCHEME_MISSING']],
    ['Digest realm="Bearer"', ['CHALLENGE_SCHEME_MISSING']],
    ['', ['CHALLENGE_MISSING']],
  ])('a 401 challenging with %j gives %j', (header, expected) => {
    expect(codes(run(noCredentials, 401, header))).toEqual(expected);
  });

  it('requires the header on a 401 (RFC 9110 §11.6.1), and says so', () => {
    expect(run(noCredentials, 401)).toEqual([{ code: 'CHALLENGE_MISSING', message: 'the 401 has no WWW-Authenticate header' }]);
    expect(run(noCredentials, 401, 'Basic realm="x"')).toEqual([{ code: 'CHALLENGE_SCHEME_MISSING', message: 'WWW-Authenticate offers no Bearer challenge: Basic realm="x"' }]);
  });

  it('requires a challenge on every 401, whatever the case expected', () => {
    expect(codes(run({ statuses: [200], challenge: undefined, outcome: 'accept' }, 401))).toEqual(['CHALLENGE_MISSING']);
    expect(codes(run({ statuses: [200], challenge: undefined, outcome: 'accept' }, 401, 'Basic'))).toEqual(['CHALLENGE_SCHEME_MISSING']);
    expect(run({ statuses: [200], challenge: undefined, outcome: 'accept' }, 401, 'Bearer error="invalid_token"')).toEqual([]);
  });

  it("asks for the contract's scheme: Basic for a Basic API, nothing for an API key without a named challenge", () => {
    const under = (challenge: string | null, expectation: Partial<Expectation>, status: number, header?: string) =>
      wwwAuthenticateCheck.run(testContext({ expect: expectation, responses: [answer(status, header)], contract: { challenge } }));
    const accept: Partial<Expectation> = { statuses: [200], challenge: undefined, outcome: 'accept' };
    expect(codes(under('Basic', accept, 401, 'Bearer'))).toEqual(['CHALLENGE_SCHEME_MISSING']);
    expect(under('Basic', accept, 401, 'Basic realm="notes", charset="UTF-8"')).toEqual([]);
    expect(codes(under('Basic', accept, 401))).toEqual(['CHALLENGE_MISSING']);
    // A Basic challenge has no error codes: any params are fine, and a 403 asks for none.
    expect(under('Basic', { statuses: [401], challenge: { scheme: 'Basic' } }, 401, 'Basic realm="x", error="whatever"')).toEqual([]);
    expect(under('Basic', { statuses: [401, 403], challenge: { scheme: 'Basic' } }, 403)).toEqual([]);
    expect(under(null, accept, 401)).toEqual([]);
    expect(under(null, { statuses: [401], challenge: undefined }, 401)).toEqual([]);
  });

  it('asks for the scheme the case names, case-insensitively', () => {
    const dpop: ChallengeExpectation = { scheme: 'DPoP', errors: [null] };
    expect(run({ statuses: [401], challenge: dpop }, 401, 'dpop algs="ES256"')).toEqual([]);
    expect(codes(run({ statuses: [401], challenge: dpop }, 401, 'Bearer'))).toEqual(['CHALLENGE_SCHEME_MISSING']);
  });

  it('requires the challenge on another refusal status only when the case expects one there', () => {
    expect(codes(run(lacksScope, 403))).toEqual(['CHALLENGE_MISSING']);
    expect(run({ statuses: [403], challenge: undefined }, 403)).toEqual([]);
    expect(run({ statuses: [401], challenge: { scheme: 'Bearer', errors: [null] } }, 403)).toEqual([]);
    expect(run(noCredentials, 400)).toEqual([]);
    expect(run(noCredentials, 200)).toEqual([]);
  });

  // RFC 6750 §3.1: no error code without credentials, invalid_token for a bad token, insufficient_scope for a missing scope.
  it.each([
    [noCredentials, 401, 'Bearer realm="x"', []],
    [noCredentials, 401, 'Bearer realm="x", error="invalid_token"', ['CHALLENGE_ERROR_UNEXPECTED']],
    [badToken, 401, 'Bearer error="invalid_token", error_description="expired"', []],
    [badToken, 401, 'Bearer error=invalid_token', []],
    [badToken, 401, 'Bearer realm="x"', ['CHALLENGE_ERROR_UNEXPECTED']],
    [badToken, 401, 'Bearer error="invalid_request"', ['CHALLENGE_ERROR_UNEXPECTED']],
    [lacksScope, 403, 'Bearer error="insufficient_scope", scope="orders:write"', []],
    [lacksScope, 403, 'Bearer error="invalid_token"', ['CHALLENGE_ERROR_UNEXPECTED']],
    [{ statuses: [400, 401], challenge: { scheme: 'Bearer', errors: ['invalid_request', 'invalid_token'] } }, 400, 'Bearer error="invalid_request"', []],
    [{ statuses: [400, 401], challenge: { scheme: 'Bearer', errors: ['invalid_request', null] } }, 401, 'Bearer', []],
  ] as const)('%j: %i with %j gives %j', (expectation, status, header, expected) => {
    expect(codes(run(expectation as Partial<Expectation>, status, header))).toEqual(expected);
  });

  it('reads the error code of the Bearer challenge, not of another scheme', () => {
    expect(codes(run(badToken, 401, 'Basic error="invalid_token", Bearer realm="x"'))).toEqual(['CHALLENGE_ERROR_UNEXPECTED']);
    expect(run(badToken, 401, 'Basic realm="a", Bearer error="invalid_token"')).toEqual([]);
  });

  it('judges the error code only on a status the case expects', () => {
    expect(run(lacksScope, 401, 'Bearer error="invalid_token"')).toEqual([]);
  });

  it('says which code it saw and which it wanted', () => {
    expect(run(badToken, 401, 'Bearer')).toEqual([{ code: 'CHALLENGE_ERROR_UNEXPECTED', message: 'the challenge has no error code; expected error="invalid_token"' }]);
    expect(run({ statuses: [401], challenge: { scheme: 'Bearer', errors: [null, 'invalid_request'] } }, 401, 'Bearer error="invalid_token"')).toEqual([
      { code: 'CHALLENGE_ERROR_UNEXPECTED', message: 'the challenge has error="invalid_token"; expected no error code or error="invalid_request"' },
    ]);
  });
});

describe('parseChallenges, at the edges a server sends', () => {
  it('skips leading whitespace and commas, and reads an empty or unquoted param value', () => {
    expect(parseChallenges('  ,Bearer realm="x"')).toEqual([{ scheme: 'Bearer', params: { realm: 'x' } }]);
    expect(parseChallenges('Bearer error=, realm="x"')).toEqual([{ scheme: 'Bearer', params: { error: '', realm: 'x' } }]);
    expect(parseChallenges('Bearer error=')).toEqual([{ scheme: 'Bearer', params: { error: '' } }]);
    expect(parseChallenges('Bearer error = invalid_token')).toEqual([{ scheme: 'Bearer', params: { error: 'invalid_token' } }]);
  });

  it('lower-cases param names (RFC 9110 §11.2: case-insensitive) and unescapes quoted values', () => {
    expect(parseChallenges('Bearer ERROR="insufficient_scope", Realm="a \\"b\\""')).toEqual([{ scheme: 'Bearer', params: { error: 'insufficient_scope', realm: 'a "b"' } }]);
  });

  it('stops at an unterminated quoted value rather than throwing', () => {
    expect(parseChallenges('Bearer error="invalid_token", realm="never closed')).toEqual([{ scheme: 'Bearer', params: { error: 'invalid_token' } }]);
  });

  it('finds nothing in a header without a token', () => {
    expect(parseChallenges('')).toEqual([]);
    expect(parseChallenges(' , ')).toEqual([]);
    expect(parseChallenges('"quoted"')).toEqual([]);
  });
});
