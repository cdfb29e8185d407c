import { Agent } from 'undici';
import type { TransportLimits } from '../model/limits.ts';
import { DEFAULT_MAX_HEADER_BYTES } from './limits.ts';

/**
 * The one dispatcher every request goes through. undici's Agent follows no redirects unless a
 * redirect interceptor is composed in, and none is: a 3xx is an answer to judge, and a redirect
 * must never carry a token to another place. Nor is the decompress interceptor composed in, and
 * no Accept-Encoding is sent: a body arrives as the bytes on the wire, so a gzip bomb stays small.
 */
export function createDispatcher(limits: TransportLimits): Agent {
  return new Agent({
    connections: limits.concurrency,
    connectTimeout: Math.min(limits.timeoutMs, 5_000),
    headersTimeout: limits.timeoutMs,
    bodyTimeout: limits.timeoutMs,
    keepAliveTimeout: 4_000,
    // A header flood ends as UND_ERR_HEADERS_OVERFLOW (a protocol verdict) at this size, whatever Node's flags say.
    maxHeaderSize: limits.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES,
  });
}
