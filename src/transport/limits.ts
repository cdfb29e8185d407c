import type { TransportLimits } from '../model/limits.ts';

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
