import { createHash } from 'node:crypto';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { HardenError, type Problem } from '../errors.ts';
import { aliasProblems, firstAlias } from './aliasProblems.ts';
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

function parse(text: string, file: string): Manifest {
  const deep = flowDepthExceeded(text);
  if (deep !== undefined) {
    const before = text.slice(0, deep);
    const line = before.split('\n').length;
    const column = deep - before.lastIndexOf('\n');
    throw invalid(file, [{ message: `[ and { nest more than ${MAX_FLOW_DEPTH} deep here`, location: { file, line, column }, hint: 'a manifest needs far less; look for a runaway [ or {' }]);
  }
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
  const value = toValue(doc, lineCounter, file);
  if (value === null || value === undefined) {
    throw invalid(file, [{ message: 'the file is empty', location: { file, line: 1, column: 1 }, hint: 'start from fixtures/reference-api/manifest.yaml' }]);
  }
  const structural = schemaProblems(value, doc, lineCounter, file);
  if (structural.length > 0) throw invalid(file, structural);
  const semantic = [...semanticProblems(value, doc, lineCounter, file), ...environmentProblems(value, doc, lineCounter, file)];
  if (semantic.length > 0) throw invalid(file, semantic);
  const sha256 = createHash('sha256').update(text).digest('hex');
  return normalise(value as Record<string, any>, file, sha256, doc, lineCounter);
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
