import { writeFile } from 'node:fs/promises';
import { HardenError } from '../errors.ts';
import { importOpenApi } from '../openapi/importOpenApi.ts';
import { formatImportWarning } from './formatImportWarning.ts';
import { toManifestYaml } from '../openapi/toManifestYaml.ts';
import { EXIT } from './exitCode.ts';

/** `harden import`: OpenAPI (+ overlay) to a manifest file a person can review. Warnings never change the exit code. */
export async function importCommand(document: string, flags: { overlay?: string; output?: string }, io: { out: (l: string) => void; err: (l: string) => void }): Promise<number> {
  const { manifest, warnings } = await importOpenApi(document, flags.overlay);
  for (const w of warnings) io.err(formatImportWarning(w));
  const text = toManifestYaml(manifest);
  if (!flags.output) {
    io.out(text.trimEnd());
    return EXIT.held;
  }
  try {
    await writeFile(flags.output, text);
  } catch (cause) {
    throw new HardenError('REPORT_WRITE_FAILED', `Cannot write the manifest to ${flags.output}: ${(cause as Error).message}. Check the path.`, { cause });
  }
  io.out(`${flags.output}: ${manifest.endpoints.length} endpoints, ${warnings.length} warnings`);
  return EXIT.held;
}
