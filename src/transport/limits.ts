/** Bounds on every request the harness sends; a misbehaving server becomes a verdict within them. */
export interface TransportLimits {
  /** Whole-request deadline, connect to last body byte. */
  timeoutMs: number;
  /** Response bodies are cut at this many bytes (the rest is discarded unread). */
  maxResponseBytes: number;
  /** Requests in flight at once. */
  concurrency: number;
}

export const DEFAULT_LIMITS: TransportLimits = {
  timeoutMs: 10_000,
  maxResponseBytes: 1024 * 1024,
  concurrency: 8,
};
