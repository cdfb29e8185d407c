import type { Dispatcher } from 'undici';
import { classifyFailure } from './classifyFailure.ts';
import type { Exchange, ReceivedResponse, SentRequest, TransportFailure } from '../model/exchange.ts';
import type { TransportLimits } from '../model/limits.ts';
import { DEFAULT_MAX_HEADER_BYTES } from './limits.ts';
import { dispatchOnce } from './dispatchOnce.ts';
import { originAndPath } from './originAndPath.ts';

const INTERRUPTED: TransportFailure = { kind: 'interrupted', code: 'INTERRUPTED', message: 'the run was interrupted before this request finished' };

/** Abort callbacks of the requests in flight, per stop signal. */
const inflight = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Calls `abort` when `stop` fires; returns the way to forget it. One listener per stop signal
 * serves every request of a run: adding and removing an EventTarget listener per request cost
 * more than the rest of this function.
 */
function whenStopped(stop: AbortSignal, abort: () => void): () => void {
  let waiting = inflight.get(stop);
  if (!waiting) {
    const set = new Set<() => void>();
    stop.addEventListener('abort', () => {
      for (const callback of set) callback();
    }, { once: true });
    inflight.set(stop, (waiting = set));
  }
  const set = waiting;
  set.add(abort);
  return () => set.delete(abort);
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(name.toLowerCase() === 'set-cookie' ? '\n' : ', ') : value;
  }
  return out;
}

/**
 * Sends one request within the limits; never throws — a failure is part of the exchange.
 * `request.url` is a URL's `href` (normalised), as materialise and the token caller build it.
 * One deadline covers everything from connecting to the last body byte, so a server that
 * stalls, drips or floods ends as a verdict at `timeoutMs`. An answer that cannot be read whole
 * (over the cap, or stalled mid-body) is a failure, not a response: checks run on a fragment would
 * report findings about bytes the API never finished sending. What did arrive is in the message.
 */
export async function sendRequest(dispatcher: Dispatcher, request: SentRequest, limits: TransportLimits, stop?: AbortSignal): Promise<Exchange> {
  // Once the run is interrupted nothing new goes out (a case's repeat, a sample its property abandoned).
  if (stop?.aborted) return { request, failure: INTERRUPTED, durationMs: 0 };
  const started = performance.now();
  let timedOut = false;
  const { origin, path } = originAndPath(request.url);
  const outcome = await dispatchOnce(
    dispatcher,
    { origin, path, method: request.method as Dispatcher.HttpMethod, headers: request.headers, body: request.body },
    limits.maxResponseBytes,
    (abort) => {
      const timer = setTimeout(() => {
        timedOut = true;
        abort(new DOMException(`no complete answer within ${limits.timeoutMs} ms`, 'TimeoutError'));
      }, limits.timeoutMs);
      // `stop` ends the request early when the run is interrupted (SIGINT/SIGTERM): that is not the API's doing.
      const forget = stop && whenStopped(stop, () => abort(new DOMException('the run was interrupted', 'AbortError')));
      return () => {
        clearTimeout(timer);
        forget?.();
      };
    },
  );
  const durationMs = performance.now() - started;
  const head = outcome.status === undefined ? undefined : { status: outcome.status, headers: flattenHeaders(outcome.headers ?? {}) };
  if (outcome.truncated && head) return { request, failure: overCap(head, limits.maxResponseBytes), durationMs };
  if (outcome.error !== undefined || !head) {
    if (stop?.aborted) return { request, failure: INTERRUPTED, durationMs };
    const context = { timeoutMs: limits.timeoutMs, maxHeaderBytes: limits.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES, received: head && { status: head.status, bodyBytes: outcome.total } };
    return { request, failure: classifyFailure(outcome.error, timedOut, context), durationMs };
  }
  const body = Buffer.concat(outcome.chunks).toString('utf8');
  return { request, response: { ...head, body, truncated: false, bodyBytes: outcome.total }, durationMs };
}

/** The too-large verdict, saying what the headers announced: the status, the size, an encoding left as sent. */
function overCap(head: Pick<ReceivedResponse, 'status' | 'headers'>, cap: number): TransportFailure {
  const declared = head.headers['content-length'];
  const encoding = head.headers['content-encoding'];
  const facts = [declared && `it announced ${declared} bytes`, encoding && `content-encoding ${encoding}, not decoded`].filter(Boolean).join('; ');
  return { kind: 'too-large', code: 'RESPONSE_OVER_CAP', message: `the ${head.status} body passed the ${cap}-byte response cap${facts ? ` (${facts})` : ''}; the rest was not read` };
}
