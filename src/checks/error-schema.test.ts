import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../manifest/types.ts';
import { errorSchemaCheck } from './error-schema.ts';
import { parsedBody, parseJson } from './mediaType.ts';
import { createSchemaValidator } from './schemaValidator.ts';
import { problem401, testContext } from './testContext.ts';

const run = (status: number, body: string, schema?: JsonSchema) =>
  errorSchemaCheck.run(testContext({ ...(schema ? { contract: { schema } } : {}), responses: [{ ...problem401(), status, body }] }));

describe('error-schema', () => {
  it('passes an RFC 9457 problem and flags one that breaks the schema', () => {
    expect(run(401, problem401().body!)).toEqual([]);
    expect(run(401, JSON.stringify({ message: 'nope' })).map((f) => f.code)).toEqual(['ERROR_SCHEMA_MISMATCH']);
  });

  it('says how the body breaks the schema', () => {
    expect(run(400, '{"error":1}', { type: 'object', required: ['error'], properties: { error: { type: 'string' } } })).toEqual([
      { code: 'ERROR_SCHEMA_MISMATCH', message: 'the 400 body breaks the error schema: /error must be string' },
    ]);
    expect(run(400, '{}', { type: 'object', required: ['error', 'status'] })).toEqual([
      { code: 'ERROR_SCHEMA_MISMATCH', message: "the 400 body breaks the error schema: / must have required property 'error'; / must have required property 'status'" },
    ]);
  });

  it.each([['<h1>401</h1>'], [''], ['{"status":401'], ['undefined']])('flags a body that is not JSON: %j', (body) => {
    expect(run(401, body)).toEqual([{ code: 'ERROR_BODY_NOT_JSON', message: `the 401 body is not JSON (${body.length} characters)` }]);
  });

  it('follows the contract: an inline schema, JSON that is not an object', () => {
    expect(run(401, '"denied"', { type: 'string' })).toEqual([]);
    expect(run(401, 'null', { type: 'object' }).map((f) => f.code)).toEqual(['ERROR_SCHEMA_MISMATCH']);
  });

  it('governs every answer from 400 up, and none below', () => {
    expect(run(399, '<html>')).toEqual([]);
    expect(run(200, '<html>')).toEqual([]);
    expect(run(400, '<html>').map((f) => f.code)).toEqual(['ERROR_BODY_NOT_JSON']);
    expect(run(503, '<html>').map((f) => f.code)).toEqual(['ERROR_BODY_NOT_JSON']);
  });
});

describe('parseJson and parsedBody', () => {
  it('parse without throwing, and once per response', () => {
    expect(parseJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJson('{')).toEqual({ ok: false });
    const response = { body: '[1]' };
    const first = parsedBody(response);
    expect(first).toEqual({ ok: true, value: [1] });
    expect(parsedBody(response)).toBe(first);
  });
});

describe('the schema validator, at its edges', () => {
  const validator = createSchemaValidator({ schemas: { Id: { type: 'string', format: 'uuid' } } });
  it('takes boolean schemas (JSON Schema 2020-12 §4.3.2)', () => {
    expect(validator.validate(true, { any: 'thing' })).toEqual([]);
    expect(validator.validate(false, {})).toEqual(['/ boolean schema is false']);
  });

  it('reports every violation, up to five', () => {
    const schema = { type: 'object', required: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] };
    expect(validator.validate(schema, {})).toHaveLength(5);
    expect(validator.validate({ type: 'object', required: ['a', 'b'] }, {})).toEqual(["/ must have required property 'a'", "/ must have required property 'b'"]);
  });

  it('resolves $ref into the manifest schemas, checks formats, and tolerates OpenAPI keywords', () => {
    expect(validator.validate({ $ref: '#/schemas/Id' }, 'not-a-uuid')).toEqual(['/ must match format "uuid"']);
    expect(validator.validate({ type: 'string', example: 'x', nullable: false }, 'x')).toEqual([]);
  });
});
