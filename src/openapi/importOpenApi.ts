import { manifestFromValue } from '../manifest/parseManifest.ts';
import type { Manifest } from '../manifest/types.ts';
import { buildManifest } from './buildManifest.ts';
import { readDocument, type OpenApiDocument } from './readDocument.ts';
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
  // One string per distinct text: Microsoft Graph's 52,499 warnings hold 13 distinct messages, and each
  // built by concatenation was its own chain of string pieces (a quarter of the imported heap, 36 → 27 MB).
  const texts = new Map<string, string>();
  const one = (text: string) => {
    let kept = texts.get(text);
    if (kept === undefined) texts.set(text, (kept = text));
    return kept;
  };
  const warn = (warning: ImportWarning) => {
    const message = one(warning.message);
    warnings.push(warning.operation === undefined ? { construct: warning.construct, message } : { ...warning, operation: one(warning.operation), message });
  };
  const overlay = overlayFile === undefined ? undefined : await readOverlay(overlayFile);
  let doc: OpenApiDocument | undefined = await readDocument(documentFile);
  let raw: Record<string, unknown> | undefined;
  try {
    raw = buildManifest(doc, overlay, warn);
  } catch (error) {
    throw withWarnings(error, warnings);
  }
  const { sha256 } = doc;
  const origin = manifestOrigin(raw, doc.root, doc.schemaPrefix);
  // The document's tree (76 MB for Microsoft Graph beta) is not needed to check the manifest built from it.
  doc = undefined;
  let manifest: Manifest;
  try {
    // Checked by the rules a manifest file is, as a value: the label says it is the generated manifest.
    // Handed over, not kept here: the checker lets it go once it has its compact copy.
    const handOver = () => {
      const built = raw!;
      raw = undefined;
      return built;
    };
    manifest = manifestFromValue(handOver(), `${documentFile} (imported manifest)`, sha256);
  } catch (error) {
    throw withWarnings(relocateProblems(error, documentFile, overlay, origin), warnings);
  }
  // Evidence names the document, and no line of a generated manifest means anything to its reader.
  const endpoints = manifest.endpoints.map(({ line: _line, ...endpoint }) => endpoint);
  return { manifest: { ...manifest, endpoints, source: documentFile, sha256 }, warnings };
}
