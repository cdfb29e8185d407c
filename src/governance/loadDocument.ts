import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { HardenError, type Problem, type SourceLocation } from '../errors.ts';
import { describeSchemaError } from '../manifest/describeSchemaError.ts';
import { jsonProblems } from '../manifest/jsonProblems.ts';
import { locatePointer } from '../manifest/locate.ts';
import { relevantErrors } from '../manifest/relevantErrors.ts';
import { yamlProblems } from '../manifest/yamlProblems.ts';

/** A governance file (register or policy) parsed with positions kept, so every problem can be located. */
export interface LoadedDocument {
  file: string;
  value: unknown;
  doc: Document;
  lineCounter: LineCounter;
  sha256: string;
}

/** Register and policy files are hand-written; past this it is the wrong file. */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Broken governance input stops the command with exit 2, like a broken manifest: the error code
 * that maps to "usage" is reused rather than adding one to src/errors.ts, which others own.
 */
export function invalidDocument(what: string, file: string, problems: Problem[]): HardenError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new HardenError('MANIFEST_INVALID', `The ${what} ${file} has ${count}. Fix it and run again.`, { problems });
}

export function locate(loaded: LoadedDocument, pointer: string, key?: string): SourceLocation {
  const position = locatePointer(loaded.doc, loaded.lineCounter, pointer, key);
  return { file: loaded.file, ...position, pointer: key === undefined ? pointer : `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` };
}

/** Parses YAML or JSON text (a `.json` file must be strict JSON) into a value with its positions. */
export function parseText(text: string, file: string, what: string): LoadedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, stringKeys: true, logLevel: 'error' });
  const syntax = yamlProblems(doc, lineCounter, text, file);
  if (syntax.length === 0 && /\.json$/i.test(file)) syntax.push(...jsonProblems(text, doc, lineCounter, file));
  if (syntax.length > 0) throw invalidDocument(what, file, syntax);
  let value: unknown;
  try {
    // A small alias budget: reuse is fine, an alias bomb is not.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    throw invalidDocument(what, file, [{ message: `cannot be read: ${(cause as Error).message}`, location: { file } }]);
  }
  if (value === null || value === undefined) throw invalidDocument(what, file, [{ message: 'the file is empty', location: { file, line: 1, column: 1 } }]);
  return { file, value, doc, lineCounter, sha256: createHash('sha256').update(text).digest('hex') };
}

export function readText(file: string, what: string): string {
  try {
    const bytes = readFileSync(file);
    if (bytes.length > MAX_BYTES) throw new Error(`is ${bytes.length} bytes, over the 5 MiB limit`);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    const message = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (cause as Error).message;
    throw invalidDocument(what, file, [{ message, location: { file }, hint: 'check the path' }]);
  }
}

/** Schema violations as located problems, in the same words as the manifest loader's. */
export function schemaCheck(loaded: LoadedDocument, validate: ValidateFunction): Problem[] {
  if (validate(loaded.value)) return [];
  return relevantErrors(validate.errors ?? []).map((error) => {
    const { message, hint, key } = describeSchemaError(error);
    return { message, ...(hint !== undefined && { hint }), location: locate(loaded, error.instancePath, key) };
  });
}
