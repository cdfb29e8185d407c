import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { parseManifest } from '../manifest/parseManifest.ts';
import type { Manifest } from '../manifest/types.ts';
import { buildManifest } from './buildManifest.ts';
import { readDocument } from './readDocument.ts';
import { readOverlay } from './readOverlay.ts';
import { relocateProblems } from './relocateProblems.ts';
import { manifestOrigin, withWarnings } from './refusalContext.ts';

/** Something in the document the manifest cannot hold (yet); the import goes on without it. */
export interface ImportWarning {
  /** `GET /orders/{id}`, when the construct belongs to one operation. */
  operation?: string;
  /** The OpenAPI construct: `security`, `parameters`, `callbacks`, `responses`… */
  construct: string;
  message: string;
  /**
   * `coverage` when what the import left out only narrows what is checked (a `default` response,
   * an optional parameter not sent): every planned case is still right. Unset, the cases themselves
   * may be wrong: refused for what was not sent, or expecting what the document does not promise.
   */
  affects?: 'coverage';
}

/**
 * Reads an OpenAPI 3.0/3.1 or Swagger 2.0 document (and optionally an overlay with what OpenAPI
 * cannot say: token provider, limits, examples…) into a Manifest that passed the same validation
 * as a hand-written one. Throws HardenError(MANIFEST_INVALID) for unreadable inputs; anything
 * merely unmappable is a warning.
 */
export async function importOpenApi(documentFile: string, overlayFile?: string): Promise<{ manifest: Manifest; warnings: ImportWarning[] }> {
  const warnings: ImportWarning[] = [];
  const warn = (warning: ImportWarning) => {
    warnings.push(warning.operation === undefined ? { construct: warning.construct, message: warning.message } : warning);
  };
  const overlay = overlayFile === undefined ? undefined : await readOverlay(overlayFile);
  const doc = await readDocument(documentFile);
  let raw: Record<string, unknown>;
  try {
    raw = buildManifest(doc, overlay, warn);
  } catch (error) {
    throw withWarnings(error, warnings);
  }
  // No anchors: the loader caps aliases, and a reviewer reads plain YAML better anyway.
  const text = stringify(raw, { aliasDuplicateObjects: false, lineWidth: 0 });
  let manifest: Manifest;
  try {
    // The text is generated YAML whatever the document's extension; the label says so (and keeps
    // the loader's strict-JSON rule for `.json` files from applying to it).
    manifest = parseManifest(text, `${documentFile} (imported manifest)`);
  } catch (error) {
    throw withWarnings(relocateProblems(error, documentFile, overlay, manifestOrigin(raw, doc.root, doc.schemaPrefix)), warnings);
  }
  // Lines in the generated text mean nothing to the reader of the document; evidence names the document.
  const endpoints = manifest.endpoints.map(({ line: _line, ...endpoint }) => endpoint);
  const sha256 = createHash('sha256').update(doc.bytes).digest('hex');
  return { manifest: { ...manifest, endpoints, source: documentFile, sha256 }, warnings };
}
