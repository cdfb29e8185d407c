import type { Dispatcher } from 'undici';

/** What a body read has collected so far; kept outside the read so a failure midway still has it. */
export interface BodyProgress {
  chunks: Buffer[];
  /** Bytes received, including any past the cap that were dropped. */
  total: number;
  truncated: boolean;
}

export const newProgress = (): BodyProgress => ({ chunks: [], total: 0, truncated: false });

/**
 * Reads at most `cap` bytes of a body into `progress`, then stops reading and destroys the stream:
 * undici then drops the connection, and the server sees the client go away. Memory held is the cap,
 * whatever the server sends.
 */
export async function readCapped(body: Dispatcher.ResponseData['body'], cap: number, progress: BodyProgress): Promise<void> {
  for await (const chunk of body) {
    const buf = chunk as Buffer;
    const room = cap - Math.min(progress.total, cap);
    if (room > 0) progress.chunks.push(buf.subarray(0, room));
    progress.total += buf.length;
    if (progress.total > cap) {
      progress.truncated = true;
      body.destroy();
      return;
    }
  }
}
