import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { HardenError, type Problem, type SourceLocation } from '../errors.ts';
import { locatePointer, pointerSegments } from '../manifest/locate.ts';
import { overlayProblems } from './overlayProblems.ts';
import { resolvePointer } from './refs.ts';

type Scalar = string | number | boolean;

/** An overlay as validated against overlay.schema.json. */
export interface Overlay {
  harden: 1;
  service?: string;
  baseUrl?: string;
  exposure?: 'loopback' | 'any';
  auth?: { tokens?: unknown; securityScheme?: string; challenge?: string; realm?: string; allowQueryToken?: boolean; scopes?: Record<string, { owner?: string; description?: string }> };
  errors?: { contentType?: string; schema?: unknown; statusMember?: string | null; volatile?: string[]; statuses?: Record<string, number | number[]> };
  limits?: { maxBodyBytes?: number };
  exclude?: string[];
  examples?: Record<string, Record<string, Scalar>>;
  /** A request body example per operation, sent first by the positive suite. */
  bodies?: Record<string, unknown>;
  /** The manifest's `disclosure`, `cors` and `gate` sections, copied as they are. */
  disclosure?: unknown;
  cors?: unknown;
  gate?: unknown;
  /** The manifest's `principals` and `objects` (the ownership suite), copied as they are. */
  principals?: unknown;
  objects?: unknown;
  /** Body properties pinned to existing values (the manifest's `fields`). */
  fields?: Record<string, { enum: unknown[] }>;
}

/** A loaded overlay and a way to say where in its file a member sits. */
export interface LoadedOverlay {
  file: string;
  value: Overlay;
  /**
   * The location of a member, if the overlay sets it (so manifest problems can point back here);
   * with `atKey`, of its key rather than its value (where a misspelt name sits).
   */
  locate(pointer: string, atKey?: boolean): SourceLocation | undefined;
}

/** Overlays are a screenful of YAML; a bigger file is the wrong file. */
const MAX_OVERLAY_BYTES = 1024 * 1024;

function invalid(file: string, problems: Problem[]): HardenError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new HardenError('MANIFEST_INVALID', `The overlay ${file} has ${count}; nothing was sent. Fix it and run again.`, { problems });
}

/** Reads and validates an overlay file (YAML or JSON); every failure is a located HardenError(MANIFEST_INVALID). */
export async function readOverlay(file: string): Promise<LoadedOverlay> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    const what = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (cause as Error).message;
    throw new HardenError('MANIFEST_INVALID', `Cannot read the overlay ${file}: ${what}. Check the path.`, { cause });
  }
  if (bytes.length > MAX_OVERLAY_BYTES) throw invalid(file, [{ message: `the file is ${bytes.length} bytes, over the ${MAX_OVERLAY_BYTES}-byte limit`, location: { file }, hint: 'is it the right file?' }]);
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(bytes.toString('utf8'), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'DUPLICATE_KEY')];
  if (syntax.length > 0) {
    throw invalid(file, syntax.map((e) => ({ message: e.message.split('\n')[0]!, location: { file, line: lineCounter.linePos(e.pos[0]).line, column: lineCounter.linePos(e.pos[0]).col } })));
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    throw invalid(file, [{ message: (cause as Error).message, location: { file }, hint: 'reduce the use of YAML aliases' }]);
  }
  if (value === null || value === undefined) {
    throw invalid(file, [{ message: 'the file is empty', location: { file, line: 1, column: 1 }, hint: 'start from fixtures/openapi/reference-api.overlay.yaml' }]);
  }
  const problems = overlayProblems(value, doc, lineCounter, file);
  if (problems.length > 0) throw invalid(file, problems);
  return {
    file,
    value: value as Overlay,
    locate(pointer, atKey = false) {
      if (resolvePointer(value, `#${pointer}`) === undefined) return undefined;
      const cut = pointer.lastIndexOf('/');
      const key = atKey ? pointerSegments(pointer.slice(cut)).at(0) : undefined;
      const position = key === undefined ? locatePointer(doc, lineCounter, pointer) : locatePointer(doc, lineCounter, pointer.slice(0, cut), key);
      return { file, ...position, pointer };
    },
  };
}
