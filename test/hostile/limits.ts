import type { TransportLimits } from '../../src/model/limits.ts';

/** Tight limits for the hostile tests: every verdict must arrive within about a second. */
export const TIGHT: TransportLimits = { timeoutMs: 1_000, maxResponseBytes: 64 * 1024, concurrency: 4, maxHeaderBytes: 64 * 1024 };

/** Slack on top of the deadline for timers and scheduling on a busy CI machine. */
export const SLACK_MS = 750;

/** The memory a single bounded request may add, whatever the server sends; stated in docs/robustness.md. */
export const MEMORY_BOUND_BYTES = 64 * 1024 * 1024;
