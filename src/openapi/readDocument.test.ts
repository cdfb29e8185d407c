import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHardenError, HardenError } from '../errors.ts';
import { importOpenApi } from './importOpenApi.ts';

function documentFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'harden-openapi-')), name);
  writeFileSync(file, text);
  return file;
}

async function refusal(file: string): Promise<string> {
  try {
    await importOpenApi(file);
  } catch (error) {
    expect(error).toBeInstanceOf(HardenError);
    expect((error as HardenError).code).toBe('MANIFEST_INVALID');
    return formatHardenError(error as HardenError);
  }
  throw new Error('imported without error');
}

describe('reading the document', () => {
  it('refuses, saying what and where, a missing file, a file that is no OpenAPI document, and a $ref to a missing file', async () => {
    expect(await refusal('fixtures/openapi/nope.yaml')).toBe('Cannot import the OpenAPI document fixtures/openapi/nope.yaml; nothing was sent.\n  fixtures/openapi/nope.yaml: no such file (check the path)');
    expect(await refusal(documentFile('a.yaml', 'harden: 1\n'))).toMatch(/declares neither "openapi: 3.x" nor "swagger: 2.0" \(found null\).*\(is it the right file\?\)/s);
    const dangling = documentFile('b.yaml', 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths: {}\ncomponents: { schemas: { A: { $ref: "./missing.yaml" } } }\n');
    expect(await refusal(dangling)).toMatch(/missing\.yaml/);
    expect(await refusal(documentFile('f.yaml', 'openapi: 3.1.0\ninfo: { title: t\npaths: {}\n'))).toMatch(/f\.yaml:\d+:\d+: .+ \(fix the YAML\/JSON or the \$ref it names\)/);
  });

  it('does not fetch http(s) references: the import reads local files only', async () => {
    const remote = documentFile('c.yaml', 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths: {}\ncomponents: { schemas: { A: { $ref: "http://127.0.0.1:9/schema.yaml" } } }\n');
    expect(await refusal(remote)).toMatch(/127\.0\.0\.1:9\/schema\.yaml/);
  });

  it('refuses a document whose every operation is left out, rather than writing an invalid manifest', async () => {
    const empty = documentFile('d.yaml', 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths: { /x: { trace: { responses: {} } } }\n');
    expect(await refusal(empty)).toMatch(/Nothing to test in .*d\.yaml: the document has no operations the harness can send/);
  });

  it('turns a $ref that does not resolve inside the document into a warning and an open schema', async () => {
    const file = documentFile('e.yaml', 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths:\n  /x:\n    get:\n      responses: { "200": { description: ok, content: { application/json: { schema: { $ref: "#anchor" } } } } }\n');
    const { manifest, warnings } = await importOpenApi(file);
    expect(manifest.endpoints[0]?.responses['200']).toEqual({});
    expect(warnings).toContainEqual({ operation: 'GET /x', construct: '$ref', message: expect.stringContaining('$ref "#anchor" does not resolve') });
  });
});
