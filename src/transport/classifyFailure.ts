import type { TransportFailure } from '../model/exchange.ts';

const TIMEOUTS = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const RESETS = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const REFUSED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const PROTOCOL = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_HEADERS_OVERFLOW', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'UND_ERR_RES_EXCEEDED_MAX_SIZE']);

/** What was known when the request failed, for a message that says what happened in plain words. */
export interface FailureContext {
  timeoutMs?: number;
  maxHeaderBytes?: number;
  /** Set when the status line and headers had arrived before the failure. */
  received?: { status: number; bodyBytes: number };
}

function explain(kind: TransportFailure['kind'], code: string, raw: string, context: FailureContext): string {
  const after = context.received ? `; the status line and headers had arrived (${context.received.status}), then ${context.received.bodyBytes} body bytes` : '';
  switch (kind) {
    case 'timeout':
      return `no complete answer within ${context.timeoutMs ?? '?'} ms${after}`;
    case 'connection-reset':
      return `the server closed or reset the connection (${raw})${after}`;
    case 'protocol':
      return code === 'UND_ERR_HEADERS_OVERFLOW'
        ? `the response headers exceed the ${context.maxHeaderBytes ?? '?'}-byte limit`
        : `the answer is not valid HTTP/1.1: ${raw}`;
    default:
      return raw;
  }
}

/** Maps whatever undici or the socket threw to a stable failure kind, with a message saying what happened. */
export function classifyFailure(error: unknown, timedOut: boolean, context: FailureContext = {}): TransportFailure {
  const err = error as { code?: unknown; name?: string; message?: string; cause?: { code?: unknown; message?: string } };
  // DOMException codes are numbers (a TimeoutError is 23); a failure code is always a name.
  const named = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const code = named(err.code) ?? named(err.cause?.code) ?? err.name ?? 'UNKNOWN';
  const raw = err.cause?.message ?? err.message ?? String(error);
  let kind: TransportFailure['kind'] = 'other';
  if (timedOut || TIMEOUTS.has(code) || err.name === 'TimeoutError') kind = 'timeout';
  else if (REFUSED.has(code)) kind = 'connection-refused';
  else if (RESETS.has(code)) kind = 'connection-reset';
  else if (code.startsWith('HPE_') || PROTOCOL.has(code) || err.name === 'HTTPParserError') kind = 'protocol';
  return { kind, code, message: explain(kind, code, raw, context) };
}
