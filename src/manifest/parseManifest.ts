import { createHash } from 'node:crypto';
import { LineCounter, parseDocument } from 'yaml';
import { HardenError, type Problem } from '../errors.ts';
import { normalise } from './normalise.ts';
import { schemaProblems } from './schemaProblems.ts';
import { semanticProblems } from './semanticProblems.ts';
import type { Manifest } from './types.ts';

function invalid(file: string, problems: Problem[]): HardenError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new HardenError('MANIFEST_INVALID', `The manifest ${file} has ${count}; nothing was sent. Fix it and run again.`, { problems });
}

/**
 * Parses manifest text (YAML or JSON; JSON is YAML 1.2) into a validated Manifest.
 * Pure: throws only HardenError(MANIFEST_INVALID) listing every located problem.
 */
export function parseManifest(text: string, file: string): Manifest {
  const lineCounter = new LineCounter();
  // maxAliasCount bounds "billion laughs" alias expansion; uniqueKeys reports duplicate keys as errors.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'DUPLICATE_KEY')];
  if (syntax.length > 0) {
    throw invalid(
      file,
      syntax.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { message: e.message.split('\n')[0]!, location: { file, line: pos.line, column: pos.col } };
      }),
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    throw invalid(file, [{ message: (cause as Error).message, location: { file }, hint: 'reduce the use of YAML aliases' }]);
  }
  if (value === null || value === undefined) {
    throw invalid(file, [{ message: 'the file is empty', location: { file, line: 1, column: 1 }, hint: 'start from fixtures/reference-api/manifest.yaml' }]);
  }
  const structural = schemaProblems(value, doc, lineCounter, file);
  if (structural.length > 0) throw invalid(file, structural);
  const semantic = semanticProblems(value, doc, lineCounter, file);
  if (semantic.length > 0) throw invalid(file, semantic);
  const sha256 = createHash('sha256').update(text).digest('hex');
  return normalise(value as Record<string, any>, file, sha256, doc, lineCounter);
}
