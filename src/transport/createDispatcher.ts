import { Agent } from 'undici';
import type { TransportLimits } from './limits.ts';

/**
 * The one dispatcher every request goes through. undici's Agent follows no redirects unless a
 * redirect interceptor is composed in, and none is: a 3xx is an answer to judge, and a redirect
 * must never carry a token to another place.
 */
export function createDispatcher(limits: TransportLimits): Agent {
  return new Agent({
    connections: limits.concurrency,
    connectTimeout: Math.min(limits.timeoutMs, 5_000),
    headersTimeout: limits.timeoutMs,
    bodyTimeout: limits.timeoutMs,
    keepAliveTimeout: 4_000,
  });
}
