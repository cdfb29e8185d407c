import { HardenError, type Problem } from '../errors.ts';
import type { LoadedOverlay } from './readOverlay.ts';

/**
 * parseManifest reports positions in the generated manifest text, which nobody has seen. A member
 * the overlay set (a static token naming an uncatalogued scope, say) is pointed at in the overlay;
 * anything else keeps its manifest pointer and names the document, with a way to look at the result.
 */
export function relocateProblems(error: unknown, documentFile: string, overlay: LoadedOverlay | undefined): unknown {
  if (!(error instanceof HardenError) || error.code !== 'MANIFEST_INVALID') return error;
  const problems: Problem[] = error.problems.map((problem) => {
    const pointer = problem.location.pointer;
    const inOverlay = pointer === undefined ? undefined : overlay?.locate(pointer);
    if (inOverlay) return { ...problem, location: inOverlay };
    return {
      ...problem,
      location: { file: documentFile, pointer: pointer === undefined ? undefined : `(manifest) ${pointer}` },
      hint: problem.hint ?? 'run `harden import` to see the manifest this document gives',
    };
  });
  const source = overlay ? `${documentFile} with the overlay ${overlay.file}` : documentFile;
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new HardenError('MANIFEST_INVALID', `The manifest imported from ${source} has ${count}; nothing was sent. Fix it and run again.`, { problems, cause: error });
}
