import type { BodyExcerpt } from './evidence.ts';

/** Evidence keeps at most this much of any body: enough to read an error, too little to archive data. */
export const BODY_EXCERPT_BYTES = 2048;

/**
 * The first `maxBytes` UTF-8 bytes of a body, cut on a character boundary so the excerpt is
 * still valid text. `alreadyCut` marks a body the transport cut at its response cap.
 */
export function excerptBody(text: string, bytes = Buffer.byteLength(text), alreadyCut = false, maxBytes = BODY_EXCERPT_BYTES): BodyExcerpt {
  const encoded = Buffer.from(text, 'utf8');
  if (encoded.length <= maxBytes) return { text, bytes, truncated: alreadyCut };
  let end = maxBytes;
  // Step back over continuation bytes (10xxxxxx) so no character is split.
  while (end > 0 && (encoded[end]! & 0xc0) === 0x80) end -= 1;
  return { text: encoded.subarray(0, end).toString('utf8'), bytes, truncated: true };
}
