import { describe, expect, it } from 'vitest';
import type { Expectation } from '../plan/case.ts';
import { responseSchemaCheck } from './response-schema.ts';
import { testContext } from './testContext.ts';

const served: Partial<Expectation> = { outcome: 'accept', statuses: [200, 201, 399, 400], responses: { '200': { type: 'object', required: ['id'] }, '201': true, '399': { type: 'object' }, '400': { type: 'object', required: ['id'] }, '204': null, '404': 'problem' } };
const run = (status: number, body: string, expectation = served) => responseSchemaCheck.run(testContext({ expect: expectation, responses: [{ status, body }] }));

describe('response-schema', () => {
  it('passes a matching body and flags one that breaks the schema, saying how', () => {
    expect(run(200, '{"id":"1"}')).toEqual([]);
    expect(run(200, '{"id":1}', { outcome: 'accept', statuses: [200], responses: { '200': { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' } } } } })).toEqual([
      { code: 'RESPONSE_SCHEMA_MISMATCH', message: "the 200 body breaks its schema: / must have required property 'name'; /id must be string" },
    ]);
    expect(run(200, '{"name":"x"}')).toEqual([{ code: 'RESPONSE_SCHEMA_MISMATCH', message: "the 200 body breaks its schema: / must have required property 'id'" }]);
  });

  it('flags a documented JSON response that is not JSON', () => {
    expect(run(200, '<html>')).toEqual([{ code: 'RESPONSE_NOT_JSON', message: 'the 200 body is not JSON' }]);
    expect(run(201, '')).toEqual([{ code: 'RESPONSE_NOT_JSON', message: 'the 201 body is not JSON' }]);
    expect(run(201, '[]')).toEqual([]);
  });

  it('checks served answers below 400 only; error statuses belong to error-schema', () => {
    expect(run(399, '"x"').map((f) => f.code)).toEqual(['RESPONSE_SCHEMA_MISMATCH']);
    expect(run(400, '{}')).toEqual([]);
  });

  it('checks nothing without a documented schema for the status, or on a refusal case', () => {
    expect(run(202, '<html>')).toEqual([]);
    expect(run(204, '')).toEqual([]);
    expect(run(404, '<html>')).toEqual([]);
    expect(run(202, '<html>', { outcome: 'accept', statuses: [202], responses: { '202': 'problem' } })).toEqual([]);
    expect(run(200, '<html>', { ...served, outcome: 'reject' })).toEqual([]);
    expect(run(200, '<html>', { outcome: 'accept', statuses: [200], responses: undefined })).toEqual([]);
  });
});
