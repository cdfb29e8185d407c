import { describe, expect, it } from 'vitest';
import { problemStatusCheck } from './problem-status.ts';
import { problem401, testContext } from './testContext.ts';

const run = (status: number, body: string, statusMember: string | null = 'status') =>
  problemStatusCheck.run(testContext({ contract: { statusMember }, responses: [{ ...problem401(), status, body }] }));
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('problem-status', () => {
  // RFC 9457 §3.1.2: `status` is a JSON number equal to the HTTP status; absent is allowed.
  it.each([
    ['{"status":401}', []],
    ['{"title":"no status member"}', []],
    ['{"status":400}', ['PROBLEM_STATUS_MISMATCH']],
    ['{"status":"401"}', ['PROBLEM_STATUS_MISMATCH']],
    ['{"status":401.5}', ['PROBLEM_STATUS_MISMATCH']],
    ['{"status":null}', ['PROBLEM_STATUS_MISMATCH']],
    ['{"status":[401]}', ['PROBLEM_STATUS_MISMATCH']],
  ])('a 401 with %s gives %j', (body, expected) => {
    expect(codes(run(401, body))).toEqual(expected);
  });

  it('says what the body says and what the HTTP status is', () => {
    expect(run(401, '{"status":"401"}')).toEqual([{ code: 'PROBLEM_STATUS_MISMATCH', message: 'the body says status "401", the HTTP status is 401' }]);
    expect(run(403, '{"code":400}', 'code')).toEqual([{ code: 'PROBLEM_STATUS_MISMATCH', message: 'the body says code 400, the HTTP status is 403' }]);
  });

  it('reads the member the contract names, and none when it names none', () => {
    expect(run(403, '{"code":403,"status":"whatever"}', 'code')).toEqual([]);
    expect(run(401, '{"status":999}', null)).toEqual([]);
    expect(run(401, '{"null":400}', null)).toEqual([]);
  });

  it('leaves bodies that are not JSON objects to error-schema', () => {
    expect(run(401, '<h1>401</h1>')).toEqual([]);
    expect(run(401, 'null')).toEqual([]);
    expect(run(401, '"status"')).toEqual([]);
    expect(run(401, '400')).toEqual([]);
    expect(run(401, '"a string has a length"', 'length')).toEqual([]);
  });

  it('governs every answer from 400 up, and none below', () => {
    expect(run(399, '{"status":401}')).toEqual([]);
    expect(run(200, '{"status":401}')).toEqual([]);
    expect(codes(run(400, '{"status":401}'))).toEqual(['PROBLEM_STATUS_MISMATCH']);
  });
});
