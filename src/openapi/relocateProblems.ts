import { HardenError, type Problem } from '../errors.ts';
import type { LoadedOverlay } from './readOverlay.ts';

/** Where a member of the imported manifest came from in the document, when it can be told: a JSON pointer, or a sentence. */
export type ManifestOrigin = (manifestPointer: string) => string | undefined;

/**
 * parseManifest reports positions in the generated manifest text, which nobody has seen. A member
 * the overlay set (a static token naming an uncatalogued scope, say) is pointed at in the overlay;
 * anything else keeps its manifest pointer and names the document, with a way to look at the result.
 */
export function relocateProblems(error: unknown, documentFile: string, overlay: LoadedOverlay | undefined, origin?: ManifestOrigin): unknown {
  if (!(error instanceof HardenError) || error.code !== 'MANIFEST_INVALID') return error;
  const problems: Problem[] = error.problems.map((problem) => {
    const pointer = problem.location.pointer;
    const inOverlay = pointer === undefined ? undefined : overlay?.locate(pointer);
    if (inOverlay) return { ...problem, location: inOverlay };
    const inDocument = pointer === undefined ? undefined : origin?.(pointer);
    return {
      ...problem,
      location: { file: documentFile, pointer: inDocument ?? (pointer === undefined ? undefined : `(manifest) ${pointer}`) },
      // The manifest's own hints may point at examples in the harness's sources, which a user of the document does not have.
      hint: problem.hint === undefined || /\b(fixtures|src)\//.test(problem.hint) ? 'fix the document there, or set the value in the overlay' : problem.hint,
    };
  });
  const source = overlay ? `${documentFile} with the overlay ${overlay.file}` : documentFile;
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new HardenError('MANIFEST_INVALID', `The manifest imported from ${source} has ${count}; nothing was sent. Fix it and run again.`, { problems, cause: error });
}
