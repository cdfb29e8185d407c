import { describe, expect, it } from 'vitest';
import type { Expectation } from '../plan/case.ts';
import { statusCheck } from './status.ts';
import { testContext } from './testContext.ts';

const refuse: Partial<Expectation> = { outcome: 'reject', statuses: [401], reason: 'unauthenticated' };
const serve: Partial<Expectation> = { outcome: 'accept', statuses: [200, 404], reason: 'documented', challenge: undefined };
const run = (expectation: Partial<Expectation>, status: number, headers: Record<string, string> = {}) =>
  statusCheck.run(testContext({ expect: expectation, responses: [{ status, headers }] }));

describe('status', () => {
  // A refusal case: the documented refusal holds; a 2xx served what had to be refused; 3xx is a
  // redirect (an API answers 401, RFC 9110 §15.5.2, never a login page); 5xx is no-server-error's.
  it.each([
    [401, []],
    [200, ['REFUSAL_EXPECTED']],
    [204, ['REFUSAL_EXPECTED']],
    [299, ['REFUSAL_EXPECTED']],
    [300, ['REDIRECTED']],
    [302, ['REDIRECTED']],
    [399, ['REDIRECTED']],
    [400, ['STATUS_UNEXPECTED']],
    [403, ['STATUS_UNEXPECTED']],
    [404, ['STATUS_UNEXPECTED']],
    [499, ['STATUS_UNEXPECTED']],
    [500, []],
    [599, []],
  ])('on a refusal case, %i gives %j', (status, codes) => {
    expect(run(refuse, status).map((f) => f.code)).toEqual(codes);
  });

  // A served case: any documented status holds; a refusal is the credential's problem, other statuses undocumented.
  it.each([
    [200, []],
    [404, []],
    [201, ['STATUS_UNDOCUMENTED']],
    [301, ['REDIRECTED']],
    [400, ['STATUS_UNDOCUMENTED']],
    [401, ['CREDENTIAL_REJECTED']],
    [402, ['STATUS_UNDOCUMENTED']],
    [403, ['CREDENTIAL_REJECTED']],
    [409, ['STATUS_UNDOCUMENTED']],
    [503, []],
  ])('on a served case, %i gives %j', (status, codes) => {
    expect(run(serve, status).map((f) => f.code)).toEqual(codes);
  });

  it('says what it got, what was expected and why', () => {
    expect(run(refuse, 200)).toEqual([{ code: 'REFUSAL_EXPECTED', message: 'got 200; expected 401 (unauthenticated)' }]);
    expect(run({ ...refuse, statuses: [400, 401] }, 403)).toEqual([{ code: 'STATUS_UNEXPECTED', message: 'got 403; expected 400 or 401 (unauthenticated)' }]);
    expect(run(serve, 400)).toEqual([{ code: 'STATUS_UNDOCUMENTED', message: 'got 400; expected 200 or 404 (documented)' }]);
  });

  it('names the redirect target when there is one', () => {
    expect(run(refuse, 302, { location: '/login' })).toEqual([{ code: 'REDIRECTED', message: 'got 302 redirect to /login; expected 401 (unauthenticated)' }]);
    expect(run(refuse, 302)).toEqual([{ code: 'REDIRECTED', message: 'got 302 redirect; expected 401 (unauthenticated)' }]);
  });

  it('lists up to eight expected statuses, and summarises more', () => {
    const eight = [200, 201, 202, 203, 204, 205, 206, 207];
    expect(run({ ...serve, statuses: eight }, 400)[0]!.message).toBe(`got 400; expected ${eight.join(' or ')} (documented)`);
    expect(run({ ...serve, statuses: [...eight, 208] }, 400)[0]!.message).toBe('got 400; expected a documented status (documented)');
  });

  it('names the scopes of a refused live token, and what other requests carried', () => {
    const context = testContext({ expect: serve, responses: [{ status: 403 }] });
    const live = { ...context, case: { ...context.case, credential: { placement: 'header' as const, name: 'authorization', template: 'Bearer {token}', token: { kind: 'live' as const, scopes: ['orders:read', 'orders:write'] } } } };
    expect(statusCheck.run(live)[0]!.message).toBe('got 403 with a token holding [orders:read orders:write]; expected 200 or 404 (documented)');
    const revoked = { ...context, case: { ...context.case, credential: { placement: 'header' as const, name: 'authorization', template: 'Bearer {token}', token: { kind: 'revoked' as const } } } };
    expect(statusCheck.run(revoked)[0]!.message).toBe('got 403 with the revoked token; expected 200 or 404 (documented)');
    expect(statusCheck.run({ ...context, case: { ...context.case, credential: undefined } })[0]!.message).toBe('got 403 with no token; expected 200 or 404 (documented)');
    const carrying = (token: object) => statusCheck.run({ ...context, case: { ...context.case, credential: { placement: 'header' as const, name: 'authorization', template: 'Bearer {token}', token: token as never } } })[0]!.message;
    expect(carrying({ kind: 'rotation', which: 'old' })).toBe("got 403 with the rotation's old token; expected 200 or 404 (documented)");
    expect(carrying({ kind: 'rotation', which: 'new' })).toBe("got 403 with the rotation's new token; expected 200 or 404 (documented)");
    expect(carrying({ kind: 'forged', flaw: 'expired' })).toBe('got 403 with a forged token (expired); expected 200 or 404 (documented)');
    expect(carrying({ kind: 'tampered', scopes: ['orders:read'], tamper: 'appended' })).toBe('got 403 with a tampered token; expected 200 or 404 (documented)');
  });

  it('judges the first answer; the repeat is the determinism check\'s', () => {
    expect(statusCheck.run(testContext({ expect: refuse, responses: [{ status: 401 }, { status: 200 }] }))).toEqual([]);
  });
});
