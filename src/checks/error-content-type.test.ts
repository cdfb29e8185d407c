import { describe, expect, it } from 'vitest';
import { errorContentTypeCheck } from './error-content-type.ts';
import { mediaType } from './mediaType.ts';
import { problem401, testContext } from './testContext.ts';

const run = (status: number, contentType: string | undefined, contract = 'application/problem+json') =>
  errorContentTypeCheck.run(testContext({ contract: { contentType: contract }, responses: [{ ...problem401(), status, headers: contentType === undefined ? {} : { 'content-type': contentType } }] }));

describe('error-content-type', () => {
  // RFC 9110 §8.3.1: type and subtype are case-insensitive, parameters are not part of the media type.
  it.each([
    ['application/problem+json', []],
    ['Application/Problem+JSON', []],
    ['application/problem+json; charset=utf-8', []],
    ['application/problem+json;charset=UTF-8', []],
    ['  application/problem+json  ', []],
    ['application/json', ['ERROR_CONTENT_TYPE']],
    ['application/problem+xml', ['ERROR_CONTENT_TYPE']],
    ['text/html; charset=utf-8', ['ERROR_CONTENT_TYPE']],
    ['application/problem+json-seq', ['ERROR_CONTENT_TYPE']],
    ['', ['ERROR_CONTENT_TYPE']],
  ])('a 401 with %j gives %j', (contentType, expected) => {
    expect(run(401, contentType).map((f) => f.code)).toEqual(expected);
  });

  it('reads the contract the same way: its parameters and case do not matter either', () => {
    expect(run(401, 'application/json', 'Application/JSON; charset=utf-8')).toEqual([]);
    expect(run(401, 'application/problem+json', 'application/json').map((f) => f.code)).toEqual(['ERROR_CONTENT_TYPE']);
  });

  it('governs every answer from 400 up, and none below', () => {
    expect(run(399, 'text/html')).toEqual([]);
    expect(run(200, undefined)).toEqual([]);
    expect(run(400, 'text/html').map((f) => f.code)).toEqual(['ERROR_CONTENT_TYPE']);
    expect(run(500, 'text/html').map((f) => f.code)).toEqual(['ERROR_CONTENT_TYPE']);
  });

  it('says what it got and what the contract says', () => {
    expect(run(403, 'Text/HTML; charset=utf-8')).toEqual([{ code: 'ERROR_CONTENT_TYPE', message: 'got text/html on 403; the contract says application/problem+json' }]);
    expect(run(401, undefined)).toEqual([{ code: 'ERROR_CONTENT_TYPE', message: 'got no content type on 401; the contract says application/problem+json' }]);
  });
});

describe('mediaType', () => {
  it('drops parameters and whitespace and lower-cases', () => {
    expect(mediaType(undefined)).toBe('');
    expect(mediaType('')).toBe('');
    expect(mediaType(' Text/Plain ; q=1 ; charset=x')).toBe('text/plain');
  });
});
