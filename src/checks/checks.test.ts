import { describe, expect, it } from 'vitest';
import { deterministicCheck } from './deterministic.ts';
import { errorContentTypeCheck } from './error-content-type.ts';
import { errorSchemaCheck } from './error-schema.ts';
import { checks } from './index.ts';
import { noServerErrorCheck } from './no-server-error.ts';
import { problemStatusCheck } from './problem-status.ts';
import { responseSchemaCheck } from './response-schema.ts';
import { runChecks } from './runChecks.ts';
import { statusCheck } from './status.ts';
import { problem401, testContext } from './testContext.ts';
import { wwwAuthenticateCheck } from './www-authenticate.ts';

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('checks on a well-formed refusal', () => {
  it('find nothing', () => {
    const context = testContext({ responses: [problem401(), problem401({ instance: '/p/2' })] });
    expect(runChecks(context)).toEqual([]);
  });
});

describe('status', () => {
  it('flags a served request that had to be refused', () => {
    expect(codes(statusCheck.run(testContext({ responses: [{ status: 200 }] })))).toEqual(['REFUSAL_EXPECTED']);
  });
  it('flags a wrong refusal status', () => {
    expect(codes(statusCheck.run(testContext({ responses: [{ status: 403 }] })))).toEqual(['STATUS_UNEXPECTED']);
  });
  it('flags a redirect', () => {
    expect(codes(statusCheck.run(testContext({ responses: [{ status: 302, headers: { location: '/login' } }] })))).toEqual(['REDIRECTED']);
  });
  it('flags a refused positive token as a credential problem, not an input one', () => {
    const context = testContext({ expect: { outcome: 'accept', statuses: [200, 404] }, responses: [{ status: 401 }] });
    expect(codes(statusCheck.run(context))).toEqual(['CREDENTIAL_REJECTED']);
  });
  it('leaves 5xx to no-server-error', () => {
    expect(statusCheck.run(testContext({ responses: [{ status: 500 }] }))).toEqual([]);
    expect(codes(noServerErrorCheck.run(testContext({ responses: [{ status: 500 }] })))).toEqual(['SERVER_ERROR']);
  });
});

describe('www-authenticate', () => {
  it('requires a challenge on a 401', () => {
    const response = { ...problem401(), headers: { 'content-type': 'application/problem+json' } };
    expect(codes(wwwAuthenticateCheck.run(testContext({ responses: [response] })))).toEqual(['CHALLENGE_MISSING']);
  });
  it('requires the Bearer scheme', () => {
    const response = { ...problem401(), headers: { 'www-authenticate': 'Basic realm="x"' } };
    expect(codes(wwwAuthenticateCheck.run(testContext({ responses: [response] })))).toEqual(['CHALLENGE_SCHEME_MISSING']);
  });
  it('requires the expected error code', () => {
    const context = testContext({ expect: { challenge: { scheme: 'Bearer', errors: ['invalid_token'] } }, responses: [problem401()] });
    expect(codes(wwwAuthenticateCheck.run(context))).toEqual(['CHALLENGE_ERROR_UNEXPECTED']);
    const ok = { ...problem401(), headers: { 'www-authenticate': 'Bearer realm="x", error="invalid_token", error_description="expired"' } };
    expect(wwwAuthenticateCheck.run(testContext({ expect: { challenge: { scheme: 'Bearer', errors: ['invalid_token'] } }, responses: [ok] }))).toEqual([]);
  });
  it('requires insufficient_scope on the 403 of a scope refusal', () => {
    const expectation = { statuses: [403], challenge: { scheme: 'Bearer', errors: ['insufficient_scope'] } };
    const bare = { status: 403, headers: { 'content-type': 'application/problem+json' }, body: '{}' };
    expect(codes(wwwAuthenticateCheck.run(testContext({ expect: expectation, responses: [bare] })))).toEqual(['CHALLENGE_MISSING']);
  });
});

describe('error contract', () => {
  it('flags the wrong content type', () => {
    const html = { status: 401, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<h1>401</h1>' };
    expect(codes(errorContentTypeCheck.run(testContext({ responses: [html] })))).toEqual(['ERROR_CONTENT_TYPE']);
    expect(codes(errorSchemaCheck.run(testContext({ responses: [html] })))).toEqual(['ERROR_BODY_NOT_JSON']);
  });
  it('accepts content-type parameters and case', () => {
    const response = { ...problem401(), headers: { 'content-type': 'Application/Problem+JSON; charset=utf-8' } };
    expect(errorContentTypeCheck.run(testContext({ responses: [response] }))).toEqual([]);
  });
  it('flags a body breaking the error schema', () => {
    const response = { ...problem401(), body: JSON.stringify({ message: 'nope' }) };
    expect(codes(errorSchemaCheck.run(testContext({ responses: [response] })))).toEqual(['ERROR_SCHEMA_MISMATCH']);
  });
  it('flags a status member that disagrees with the HTTP status', () => {
    expect(codes(problemStatusCheck.run(testContext({ responses: [problem401({ status: 400 })] })))).toEqual(['PROBLEM_STATUS_MISMATCH']);
  });
  it('follows an inline error schema rather than RFC 9457', () => {
    const contract = { contentType: 'application/json', schema: { type: 'object', required: ['error'] }, statusMember: null };
    const response = { status: 401, headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' }, body: '{"error":"unauthorized","status":999}' };
    expect(runChecks(testContext({ contract, responses: [response] }))).toEqual([]);
  });
});

describe('deterministic', () => {
  it('ignores volatile members and key order', () => {
    const a = problem401({ instance: '/p/1' });
    const b = { ...problem401(), body: JSON.stringify({ instance: '/p/2', status: 401, title: 'Unauthenticated', type: 'https://e.example/unauthenticated', detail: 'Sign in.' }) };
    expect(deterministicCheck.run(testContext({ responses: [a, b] }))).toEqual([]);
  });
  it('flags a timestamp outside the volatile members', () => {
    const context = testContext({ responses: [problem401({ detail: 'at 1700000000001' }), problem401({ detail: 'at 1700000000002' })] });
    expect(codes(deterministicCheck.run(context))).toEqual(['NONDETERMINISTIC_BODY']);
  });
  it('flags two statuses', () => {
    expect(codes(deterministicCheck.run(testContext({ responses: [problem401(), { status: 200 }] })))).toEqual(['NONDETERMINISTIC_STATUS']);
  });
  it('leaves out volatile members named by JSON pointer, in nested objects and arrays, and only those', () => {
    const body = (traceAt: string, id: string, detail = 'Sign in.') => ({ status: 401, headers: { 'content-type': 'application/problem+json', 'www-authenticate': 'Bearer' }, body: JSON.stringify({ status: 401, detail, meta: { trace: { at: traceAt, id } }, errors: [{ at: traceAt, code: 'x' }] }) });
    const contract = { volatile: ['/meta/trace/at', '/errors/0/at', 'instance'] };
    expect(deterministicCheck.run(testContext({ contract, responses: [body('t1', 'same'), body('t2', 'same')] }))).toEqual([]);
    // A sibling of a volatile member still counts, and so does a member at a path no pointer names.
    expect(codes(deterministicCheck.run(testContext({ contract, responses: [body('t1', 'a'), body('t1', 'b')] })))).toEqual(['NONDETERMINISTIC_BODY']);
    expect(codes(deterministicCheck.run(testContext({ contract, responses: [body('t1', 'a', 'one'), body('t1', 'a', 'two')] })))).toEqual(['NONDETERMINISTIC_BODY']);
  });
});

describe('response-schema', () => {
  const expectation = { outcome: 'accept' as const, statuses: [200], responses: { '200': { type: 'object', required: ['id'] } } };
  it('flags a body breaking the documented schema', () => {
    expect(codes(responseSchemaCheck.run(testContext({ expect: expectation, responses: [{ status: 200, body: '{"name":"x"}' }] })))).toEqual(['RESPONSE_SCHEMA_MISMATCH']);
    expect(codes(responseSchemaCheck.run(testContext({ expect: expectation, responses: [{ status: 200, body: '<html>' }] })))).toEqual(['RESPONSE_NOT_JSON']);
  });
  it('passes a matching body', () => {
    expect(responseSchemaCheck.run(testContext({ expect: expectation, responses: [{ status: 200, body: '{"id":"1"}' }] }))).toEqual([]);
  });
});

describe('the registry', () => {
  it('has unique kebab-case ids', () => {
    const ids = checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});

describe('deterministic, on served answers', () => {
  it('leaves two differing 2xx bodies to the status check', () => {
    expect(deterministicCheck.run(testContext({ responses: [{ status: 200, body: '[1]' }, { status: 200, body: '[1,2]' }] }))).toEqual([]);
  });
});
