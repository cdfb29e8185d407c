import { describe, expect, it } from 'vitest';
import { checks } from './index.ts';
import { runChecks } from './runChecks.ts';
import { problem401, testContext } from './testContext.ts';

describe('runChecks', () => {
  it('runs every check, in registry order, and labels each finding with its check and case', () => {
    const html = { status: 401, headers: { 'content-type': 'text/html' }, body: '<h1>401</h1>' };
    expect(runChecks(testContext({ responses: [html, problem401()] })).map((f) => [f.checkId, f.code, f.caseId])).toEqual([
      ['www-authenticate', 'CHALLENGE_MISSING', 'e/unauthorized/no-credentials'],
      ['error-content-type', 'ERROR_CONTENT_TYPE', 'e/unauthorized/no-credentials'],
      ['error-schema', 'ERROR_BODY_NOT_JSON', 'e/unauthorized/no-credentials'],
      ['deterministic', 'NONDETERMINISTIC_BODY', 'e/unauthorized/no-credentials'],
      ['deterministic', 'NONDETERMINISTIC_BODY', 'e/unauthorized/no-credentials'],
    ]);
  });

  it('keeps each finding\'s message', () => {
    const [finding] = runChecks(testContext({ responses: [{ status: 200 }] }));
    expect(finding).toEqual({ checkId: 'status', caseId: 'e/unauthorized/no-credentials', code: 'REFUSAL_EXPECTED', message: 'got 200; expected 401 (test)' });
  });

  it('registers the checks in report order: ids are part of the public contract', () => {
    expect(checks.map((c) => c.id)).toEqual(['status', 'no-server-error', 'www-authenticate', 'error-content-type', 'error-schema', 'problem-status', 'deterministic', 'no-leak', 'response-schema', 'cors', 'ownership', 'exposure']);
  });
});
