import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ParserOptions } from '@readme/openapi-parser';
import { HardenError } from '../errors.ts';
import { fromSwagger2 } from './fromSwagger2.ts';
import { asObject, asString, type JsonObject } from './json.ts';
import { parseJsonPieces } from './parseJsonPieces.ts';

/** Which rules the document's schemas follow: 3.0 and 2.0 keep draft-4 habits (`nullable`, boolean exclusive bounds). */
export type Dialect = '2.0' | '3.0' | '3.1';

/** A bundled document in OpenAPI 3 shape (2.0 is converted), with only internal `$ref`s left. */
export interface OpenApiDocument {
  file: string;
  dialect: Dialect;
  /** The OpenAPI 3 shaped root that `$ref`s resolve against. */
  root: JsonObject;
  /** Where component schemas live, as a pointer prefix: `#/components/schemas/` or, for 2.0, `#/definitions/`. */
  schemaPrefix: string;
  /** SHA-256 of the bytes as read, for evidence. Taken at once: a large document's bytes are not held. */
  sha256: string;
}

function unreadable(file: string, what: string, hint: string, cause?: unknown): HardenError {
  // The parser says "Error parsing FILE: reason (line:column)"; keep the reason, and the position as a location.
  const text = what.replace(/^Error parsing \S+: /, '').replace(/\.$/, '');
  const at = /\((\d+):(\d+)\)$/.exec(text);
  const location = at ? { file, line: Number(at[1]), column: Number(at[2]) } : { file };
  return new HardenError('MANIFEST_INVALID', `Cannot import the OpenAPI document ${file}; nothing was sent.`, {
    problems: [{ message: at ? text.slice(0, at.index).trim() : text, location, hint }],
    cause,
  });
}

function dialectOf(root: JsonObject, file: string): Dialect {
  const swagger = asString(root.swagger) ?? (typeof root.swagger === 'number' ? String(root.swagger) : undefined);
  if (swagger?.startsWith('2.')) return '2.0';
  const openapi = asString(root.openapi);
  if (openapi?.startsWith('3.0')) return '3.0';
  if (openapi?.startsWith('3.')) return '3.1';
  throw unreadable(file, `it declares neither "openapi: 3.x" nor "swagger: 2.0" (found ${JSON.stringify(root.openapi ?? root.swagger ?? null)})`, 'is it the right file?');
}

/** Whether any `$ref` in the value points outside the document (another file, a URL). */
function hasExternalRef(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      // one by one: spreading an array of a few hundred thousand items overflows the call stack
      for (const item of v) stack.push(item);
      continue;
    }
    for (const [k, x] of Object.entries(v)) {
      if (k === '$ref' && typeof x === 'string' && !x.startsWith('#')) return true;
      if (x !== null && typeof x === 'object') stack.push(x);
    }
  }
  return false;
}

/**
 * A JSON document whose every `$ref` is internal needs no bundling: parsed as is. The bundler keeps
 * an inventory of the references it met and searches it for each new one, which grows with the
 * square of their number (Microsoft Graph's 20 MB description: 44 s of 56 s). Anything else (YAML,
 * a syntax error to locate, a reference to another file) goes through the bundler.
 */
function selfContainedJson(file: string, bytes: Buffer): unknown {
  if (!/\.json$/i.test(file)) return undefined;
  const value = parseJsonPieces(bytes);
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !hasExternalRef(value) ? value : undefined;
}

/** The document with every relative-file `$ref` pulled in, read by the bundler (which locates syntax errors). */
async function bundled(file: string): Promise<unknown> {
  try {
    // Only the filesystem: a document must not make the harness fetch URLs before anything is sent.
    const noHttp = { canRead: () => false } as unknown as NonNullable<NonNullable<ParserOptions['resolve']>['http']>;
    // Loaded only here: most documents are self-contained JSON, and the bundler is a large module to load.
    const { bundle } = await import('@readme/openapi-parser');
    return await bundle(file, { resolve: { file: true, external: true, http: noHttp } });
  } catch (cause) {
    const message = ((cause as Error).message ?? String(cause)).split('\n')[0]!;
    throw unreadable(file, message, 'fix the YAML/JSON or the $ref it names', cause);
  }
}

/**
 * Reads and bundles an OpenAPI 3.0/3.1 or Swagger 2.0 document: relative-file `$ref`s are pulled in,
 * every `$ref` left is internal, and circular references stay references (nothing is expanded).
 */
export async function readDocument(file: string): Promise<OpenApiDocument> {
  let bytes: Buffer | undefined;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw unreadable(file, code === 'ENOENT' ? 'no such file' : (cause as Error).message, 'check the path', cause);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const parsed = selfContainedJson(file, bytes);
  // not held while the bundler reads the file again, or while the document is imported
  bytes = undefined;
  const root = asObject(parsed ?? (await bundled(file)));
  const dialect = dialectOf(root, file);
  if (dialect === '2.0') return { file, dialect, root: fromSwagger2(root), schemaPrefix: '#/definitions/', sha256 };
  return { file, dialect, root, schemaPrefix: '#/components/schemas/', sha256 };
}
