import { loadManifest } from '../manifest/loadManifest.ts';
import type { Manifest } from '../manifest/types.ts';
import type { ImportWarning } from './importOpenApi.ts';
import { isOpenApiDocument } from './isOpenApiDocument.ts';

/**
 * What `harden run FILE [--overlay OVERLAY]` loads: an OpenAPI document (imported, with its
 * warnings) when an overlay is given or the file is one, else a manifest file (no warnings).
 */
export async function openManifest(file: string, overlay?: string): Promise<{ manifest: Manifest; warnings: ImportWarning[] }> {
  if (overlay !== undefined || (await isOpenApiDocument(file))) {
    // On demand: the OpenAPI reader and its dependencies hold about 25 MB a manifest run never needs.
    const { importOpenApi } = await import('./importOpenApi.ts');
    return importOpenApi(file, overlay);
  }
  return { manifest: await loadManifest(file), warnings: [] };
}
