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

/**
 * Explicit rather than undici's default, which follows Node's --max-http-header-size (16 KiB unless
 * changed): a verdict must not depend on how Node was started. Four times that default leaves room
 * for big cookies and security headers, and stays far below a flood.
 */
export const DEFAULT_MAX_HEADER_BYTES = 64 * 1024;

export const DEFAULT_LIMITS: TransportLimits = {
  timeoutMs: 10_000,
  maxResponseBytes: 1024 * 1024,
  concurrency: 8,
  maxHeaderBytes: DEFAULT_MAX_HEADER_BYTES,
};
