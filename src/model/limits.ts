/** Bounds on every request the harness sends; a misbehaving server becomes a verdict within them. */
export interface TransportLimits {
  /** Whole-request deadline, connect to last body byte. */
  timeoutMs: number;
  /** Response bodies are cut at this many bytes (the rest is discarded unread). */
  maxResponseBytes: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Status line plus headers of a response, in bytes (default DEFAULT_MAX_HEADER_BYTES). */
  maxHeaderBytes?: number;
}
