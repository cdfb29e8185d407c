import { open } from 'node:fs/promises';

/** Enough of a file to see its top-level keys; OpenAPI documents name their version first by convention. */
const HEAD_BYTES = 64 * 1024;

/**
 * Whether a file is an OpenAPI/Swagger document rather than a manifest, from its first 64 KiB:
 * a top-level `openapi:`/`swagger:` key in YAML, or an `"openapi"`/`"swagger"` member in JSON.
 * A manifest has neither. Unreadable files answer false, so the manifest loader reports them.
 */
export async function isOpenApiDocument(file: string): Promise<boolean> {
  let head: string;
  try {
    const handle = await open(file, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
      head = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
  return /^(openapi|swagger)\s*:/m.test(head) || /^\s*\{[^]*?"(openapi|swagger)"\s*:/.test(head);
}
