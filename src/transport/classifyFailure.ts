import type { TransportFailure } from './exchange.ts';

const TIMEOUTS = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const RESETS = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const REFUSED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** Maps whatever undici or the socket threw to a stable failure kind. */
export function classifyFailure(error: unknown, timedOut: boolean): TransportFailure {
  const err = error as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err.code ?? err.cause?.code ?? err.name ?? 'UNKNOWN';
  const message = err.cause?.message ?? err.message ?? String(error);
  if (timedOut || TIMEOUTS.has(code) || err.name === 'TimeoutError') return { kind: 'timeout', code, message };
  if (REFUSED.has(code)) return { kind: 'connection-refused', code, message };
  if (RESETS.has(code)) return { kind: 'connection-reset', code, message };
  if (code.startsWith('HPE_') || code === 'UND_ERR_INVALID_ARG' || code === 'UND_ERR_HEADERS_OVERFLOW') return { kind: 'protocol', code, message };
  return { kind: 'other', code, message };
}
