import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHardenError, HardenError } from '../../src/errors.ts';
import fc from 'fast-check';
import { importOpenApi } from '../../src/openapi/importOpenApi.ts';
import { regexLiteralBody, unicodeSafePattern } from '../../src/openapi/sanitiseSchema.ts';

const write = (doc: unknown) => {
  const file = join(mkdtempSync(join(tmpdir(), 'harden-sanitise-')), 'api.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
};

/** Constructs real documents carry that the manifest's validator refuses, one of each. */
const document = {
  openapi: '3.0.0',
  info: { title: 'Odd', version: '1' },
  paths: {
    '/things/{id}': {
      patch: {
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: '', in: 'header', schema: { type: 'string' } },
        ],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
        responses: { '200': { description: 'ok' }, '400': { description: 'bad', content: { '*/*': { schema: { type: 'string' } } } } },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: {
          timecode: { type: 'string', pattern: 0 },
          // AWS Panorama's PortName: `\_` is `_` without the u flag, and a syntax error with it
          port: { type: 'string', pattern: '^[a-zA-Z0-9\\-\\_]+$' },
          unfixable: { type: 'string', pattern: 'a{' },
          // data2crm's dates, sinao's names: regular expression literals, delimiters and flags in the pattern
          born: { type: 'string', pattern: '/^\\d{4}-\\d{2}-\\d{2}$/' },
          name: { type: 'string', pattern: '/^.*[a-z]+.*$/i' },
          path: { type: 'string', pattern: '/api/v1/' },
          // the BBC's `mixin`: an enum of single values on an array
          mixins: { type: 'array', enum: ['live', 'promotions'], items: { type: 'string' } },
          type: { type: 'string' },
          kind: { type: { type: 'string' } },
          status: { type: 'string', examples: { done: { value: 'done' }, open: { value: 'open' } } },
        },
      },
    },
  },
};

describe('the importer never emits what its own validator refuses', () => {
  it('leaves out or mends each refused construct, with a warning naming its place in the document', async () => {
    const { manifest, warnings } = await importOpenApi(write(document));
    const thing = manifest.schemas.Thing as { properties: Record<string, Record<string, unknown>> };
    expect(thing.properties.timecode).toEqual({ type: 'string' });
    expect(thing.properties.port).toEqual({ type: 'string', pattern: '^[a-zA-Z0-9\\-_]+$' });
    expect(new RegExp(thing.properties.port!.pattern as string, 'u').test('node_1-a')).toBe(true);
    expect(thing.properties.unfixable).toEqual({ type: 'string' });
    expect(thing.properties.born).toEqual({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
    expect(thing.properties.name).toEqual({ type: 'string', pattern: '^.*[a-z]+.*$' });
    // a pattern that means its slashes (no anchor beside them) is left as written
    expect(thing.properties.path).toEqual({ type: 'string', pattern: '/api/v1/' });
    const born = warnings.find((w) => w.message.includes('/properties/born'))!;
    expect(born.affects).toBeUndefined();
    expect(born.message).toContain('is written as a regular expression literal (/…/)');
    expect(warnings.find((w) => w.message.includes('/properties/name'))!.message).toContain('case-sensitively');
    expect(thing.properties.mixins).toEqual({ type: 'array', items: { type: 'string', enum: ['live', 'promotions'] } });
    expect(warnings.find((w) => w.message.includes('/properties/mixins'))!.message).toContain('it is read as the enum of the array\'s items');
    const port = warnings.find((w) => w.message.includes('/properties/port'))!;
    expect(port).toMatchObject({ construct: 'schema', affects: 'coverage' });
    expect(port.message).toContain('it is read as "^[a-zA-Z0-9\\\\-_]+$", the same pattern');
    expect(thing.properties.type).toEqual({ type: 'string' });
    expect(thing.properties.kind).toEqual({});
    expect(thing.properties.status!.examples).toEqual(['done', 'open']);
    expect(manifest.errors.contentType).toBe('application/problem+json');
    expect(manifest.endpoints[0]!.headers).toEqual({});
    const text = warnings.map((w) => w.message).join('\n');
    expect(text).toContain('at /components/schemas/Thing/properties/timecode: the schema keyword "pattern" is 0');
    expect(text).toContain('at /components/schemas/Thing/properties/kind: the schema keyword "type"');
    expect(text).toContain('"examples" is a map');
    expect(text).toContain('"*/*"');
    expect(text).toContain('header parameter ""');
  });

  it('refuses a document with nothing to send in a sentence that carries the warnings saying why', async () => {
    const file = write({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths: { '/a?b': { get: { responses: { '200': { description: 'ok' } } } } } });
    const error = await importOpenApi(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HardenError);
    const text = formatHardenError(error as HardenError);
    expect(text).toContain(`Nothing to test in ${file}`);
    expect(text).toContain('the path "/a?b" is not an absolute path');
    expect(text).not.toMatch(/\b(fixtures|src)\//);
  });
});

describe('patterns written without the u flag', () => {
  const written = ['^[a-zA-Z0-9\\_]+$', '^[\\w\\-\\@\\.]+$', '^\\#\\d+\\:\\-$', 'a\\_b|\\[\\]', '^[^\\"\\\']*$'];

  it('mean the same once rewritten for the u flag: every ASCII string matches both or neither', () => {
    for (const pattern of written) {
      const fixed = unicodeSafePattern(pattern);
      expect(fixed, pattern).toBeDefined();
      const [before, after] = [new RegExp(pattern), new RegExp(fixed!, 'u')];
      fc.assert(fc.property(fc.oneof(fc.string({ unit: 'grapheme-ascii' }), fc.stringMatching(before)), (x) => before.test(x) === after.test(x)), { seed: 7, numRuns: 300 });
    }
  });

  it('are left alone when no rewrite of escapes makes them valid', () => {
    expect(unicodeSafePattern('a{')).toBeUndefined();
    expect(unicodeSafePattern('(')).toBeUndefined();
  });
});

describe('patterns written as regular expression literals', () => {
  it('are read without their delimiters only when no string could match them as written', () => {
    for (const pattern of ['/^a$/', '/^[a-z]+/i', '/\\d+$/']) {
      expect(regexLiteralBody(pattern), pattern).toBeDefined();
      fc.assert(fc.property(fc.string(), (x) => !new RegExp(pattern, 'u').test(x)), { seed: 7, numRuns: 200 });
    }
    expect(regexLiteralBody('/^a$/')).toEqual({ source: '^a$', flags: '' });
    for (const pattern of ['/a/', '/users/\\d+/', '^/a/$', '/^a$/m', '/^(/']) expect(regexLiteralBody(pattern), pattern).toBeUndefined();
  });
});
