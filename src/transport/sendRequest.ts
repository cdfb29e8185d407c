import type { Dispatcher } from 'undici';
import { classifyFailure } from './classifyFailure.ts';
import type { Exchange, ReceivedResponse, SentRequest } from './exchange.ts';
import type { TransportLimits } from './limits.ts';

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(name.toLowerCase() === 'set-cookie' ? '\n' : ', ') : value;
  }
  return out;
}

/** Reads at most `cap` bytes of a body, then stops reading and drops the connection's remainder. */
async function readCapped(body: Dispatcher.ResponseData['body'], cap: number): Promise<{ bytes: Buffer; truncated: boolean; total: number }> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    const buf = chunk as Buffer;
    const room = cap - (total > cap ? cap : total);
    if (room > 0) chunks.push(buf.subarray(0, room));
    total += buf.length;
    if (total > cap) {
      body.destroy();
      return { bytes: Buffer.concat(chunks), truncated: true, total };
    }
  }
  return { bytes: Buffer.concat(chunks), truncated: false, total };
}

/** Sends one request within the limits; never throws — a failure is part of the exchange. */
export async function sendRequest(dispatcher: Dispatcher, request: SentRequest, limits: TransportLimits): Promise<Exchange> {
  const started = performance.now();
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const url = new URL(request.url);
    const response = await dispatcher.request({
      origin: url.origin,
      path: url.pathname + url.search,
      method: request.method as Dispatcher.HttpMethod,
      headers: request.headers,
      body: request.body,
      signal,
    });
    const { bytes, truncated, total } = await readCapped(response.body, limits.maxResponseBytes);
    const received: ReceivedResponse = {
      status: response.statusCode,
      headers: flattenHeaders(response.headers),
      body: bytes.toString('utf8'),
      truncated,
      bodyBytes: total,
    };
    return { request, response: received, durationMs: performance.now() - started };
  } catch (error) {
    return { request, failure: classifyFailure(error, signal.aborted), durationMs: performance.now() - started };
  }
}
