import { createHash } from 'node:crypto';
import { Document, LineCounter, parseDocument } from 'yaml';
import { HardenError, type Problem } from '../errors.ts';
import { aliasProblems, firstAlias } from './aliasProblems.ts';
import { compact } from './compact.ts';
import { flowDepthExceeded, MAX_FLOW_DEPTH } from './flowDepth.ts';
import { jsonProblems } from './jsonProblems.ts';
import { normalise } from './normalise.ts';
import { nodeAt } from './pointerAt.ts';
import { schemaProblems } from './schemaProblems.ts';
import { semanticProblems } from './semanticProblems.ts';
import { environmentProblems } from './environmentProblems.ts';
import type { Manifest } from './types.ts';
import { yamlProblems } from './yamlProblems.ts';

/** A hand-written manifest has a few dozen problems at most; past this, the rest are echoes. */
const MAX_PROBLEMS = 25;

function invalid(file: string, all: Problem[]): HardenError {
  const problems = all.length > MAX_PROBLEMS ? [...all.slice(0, MAX_PROBLEMS), { message: `and ${all.length - MAX_PROBLEMS} more problems`, location: { file }, hint: 'fix these first' }] : all;
  const count = all.length === 1 ? '1 problem' : `${all.length} problems`;
  return new HardenError('MANIFEST_INVALID', `The manifest ${file} has ${count}; nothing was sent. Fix it and run again.`, { problems });
}

function at(doc: Document, lineCounter: LineCounter, file: string, offset: number): Problem['location'] {
  const pos = lineCounter.linePos(offset);
  const pointer = nodeAt(doc, offset)?.pointer;
  return { file, line: pos.line, column: pos.col, ...(pointer !== undefined && { pointer }) };
}

function toValue(doc: Document, lineCounter: LineCounter, file: string): unknown {
  const aliases = aliasProblems(doc, lineCounter, file);
  if (aliases.length > 0) throw invalid(file, aliases);
  try {
    // maxAliasCount bounds "billion laughs" expansion: a few aliases are reuse, thousands are an attack.
    return doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    const alias = firstAlias(doc);
    const location = alias?.range ? at(doc, lineCounter, file, alias.range[0]) : { file };
    throw invalid(file, [{ message: 'YAML aliases expand too far (over 100 copies): this looks like an alias bomb', location, hint: 'write the values out, or use fewer aliases' }]);
  }
}

/** Members written in JSON text: the `:` outside strings. */
function membersWritten(text: string): number {
  let members = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x3a) members++;
  }
  return members;
}

/** Members of the parsed objects: fewer than written when a key was repeated (JSON.parse keeps the last). */
function membersParsed(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + membersParsed(v), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.values(value).reduce((n: number, v) => n + 1 + membersParsed(v), 0);
}

/**
 * A `.json` manifest that is valid JSON, repeats no key and has no problem, parsed without
 * building a YAML document: for the large manifests tools generate, yaml's document holds about
 * a hundred bytes per byte of text while it is built (measured: 2.3 MB of JSON, 9,100 endpoints,
 * +260 MB of RSS). Anything else (a syntax error, a repeated key, any problem) returns undefined,
 * and the full path parses it again to say where. Endpoints parsed here carry no line.
 */
function parseStrictJson(text: string, file: string, sha256: () => string): Manifest | undefined {
  if (!/\.json$/i.test(file)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || membersParsed(value) !== membersWritten(text)) return undefined;
  // No locations are needed when there is no problem to locate.
  const [doc, lineCounter] = [new Document(), new LineCounter()];
  if (schemaProblems(value, doc, lineCounter, file).length > 0) return undefined;
  if (semanticProblems(value, doc, lineCounter, file).length > 0 || environmentProblems(value, doc, lineCounter, file).length > 0) return undefined;
  return normalise(value as Record<string, any>, file, sha256(), doc, lineCounter);
}

function parse(text: string, file: string): Manifest {
  const deep = flowDepthExceeded(text);
  if (deep !== undefined) {
    const before = text.slice(0, deep);
    const line = before.split('\n').length;
    const column = deep - before.lastIndexOf('\n');
    throw invalid(file, [{ message: `[ and { nest more than ${MAX_FLOW_DEPTH} deep here`, location: { file, line, column }, hint: 'a manifest needs far less; look for a runaway [ or {' }]);
  }
  const sha256 = () => createHash('sha256').update(text).digest('hex');
  const fast = parseStrictJson(text, file, sha256);
  if (fast) return fast;
  const lineCounter = new LineCounter();
  // uniqueKeys reports duplicate keys; stringKeys makes every key text (a list as a key is an error);
  // logLevel keeps the library from writing warnings to the console: they become problems below.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, stringKeys: true, logLevel: 'error' });
  const syntax = yamlProblems(doc, lineCounter, text, file);
  if (syntax.length > 0) throw invalid(file, syntax);
  if (/\.json$/i.test(file)) {
    const json = jsonProblems(text, doc, lineCounter, file);
    if (json.length > 0) throw invalid(file, json);
  }
  const value = compact(toValue(doc, lineCounter, file));
  if (value === null || value === undefined) {
    throw invalid(file, [{ message: 'the file is empty', location: { file, line: 1, column: 1 }, hint: 'start from fixtures/reference-api/manifest.yaml' }]);
  }
  const structural = schemaProblems(value, doc, lineCounter, file);
  if (structural.length > 0) throw invalid(file, structural);
  const semantic = [...semanticProblems(value, doc, lineCounter, file), ...environmentProblems(value, doc, lineCounter, file)];
  if (semantic.length > 0) throw invalid(file, semantic);
  return normalise(value as Record<string, any>, file, sha256(), doc, lineCounter);
}

/**
 * Parses manifest text (YAML or JSON; JSON is YAML 1.2, and a `.json` file must also be strict JSON)
 * into a validated Manifest. Pure: throws only HardenError(MANIFEST_INVALID) listing every located problem.
 */
export function parseManifest(text: string, file: string): Manifest {
  try {
    return parse(text, file);
  } catch (error) {
    if (error instanceof HardenError) throw error;
    // A structure deep enough to exhaust the stack is a hostile input, not a loader bug; say so.
    if (error instanceof RangeError) {
      throw invalid(file, [{ message: `the file is too deeply nested or too large to read (${error.message})`, location: { file }, hint: 'a manifest is a few hundred lines of plain YAML; check the file' }]);
    }
    throw error;
  }
}

/**
 * A manifest built in memory (the OpenAPI import), validated by the same rules as a manifest file,
 * without writing it out as YAML and parsing it back: for Microsoft Graph's description that round
 * trip held a YAML document of about a hundred bytes per byte of text. Problems carry JSON pointers
 * and no lines, which the importer turns into the document's own locations.
 */
export function manifestFromValue(value: unknown, file: string, sha256: string): Manifest {
  let plain: unknown;
  try {
    plain = compact(value);
  } catch (error) {
    if (error instanceof RangeError) throw invalid(file, [{ message: `the manifest is too deeply nested to check (${error.message})`, location: { file } }]);
    throw error;
  }
  // Not held while the copy is checked: an importer that handed its value over lets it go (Graph beta: 48 MB).
  value = undefined;
  // No text, so nothing to locate by line: an empty document gives pointer-only locations.
  const [doc, lineCounter] = [new Document(), new LineCounter()];
  const structural = schemaProblems(plain, doc, lineCounter, file);
  if (structural.length > 0) throw invalid(file, structural);
  const semantic = [...semanticProblems(plain, doc, lineCounter, file), ...environmentProblems(plain, doc, lineCounter, file)];
  if (semantic.length > 0) throw invalid(file, semantic);
  return normalise(plain as Record<string, any>, file, sha256, doc, lineCounter);
}
