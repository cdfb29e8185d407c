/**
 * The transport floor, between the ceiling and the harness: the same route driven by undici alone,
 * then by the harness's own transport (sendRequest: deadline signal, capped read, header flattening)
 * with no checks. Locates a gap: client library, transport wrapper, or checks/redaction/bookkeeping.
 */
import { Agent } from 'undici';
import { createDispatcher } from '../src/transport/createDispatcher.ts';
import { DEFAULT_LIMITS } from '../src/transport/limits.ts';
import { sendRequest } from '../src/transport/sendRequest.ts';

/** `undici+deadline`: undici with the per-request `AbortSignal.timeout` sendRequest creates, nothing else. */
export type FloorClient = 'undici' | 'undici+deadline' | 'sendRequest';

export interface FloorSample {
  rps: number;
  /** User and system CPU of this process per request, µs. */
  userUs: number;
  systemUs: number;
}

export async function floorOnce(client: FloorClient, url: string, authorization: string, concurrency: number, requests: number): Promise<FloorSample> {
  const limits = { ...DEFAULT_LIMITS, concurrency };
  const dispatcher = client === 'sendRequest' ? createDispatcher(limits) : new Agent({ connections: concurrency });
  const { origin, pathname } = new URL(url);
  const headers = { authorization };
  const once =
    client !== 'sendRequest'
      ? async () => {
          const signal = client === 'undici+deadline' ? AbortSignal.timeout(limits.timeoutMs) : undefined;
          const res = await dispatcher.request({ origin, path: pathname, method: 'GET', headers, signal });
          await res.body.text();
        }
      : async () => {
          const exchange = await sendRequest(dispatcher, { method: 'GET', url, headers }, limits);
          if (!exchange.response) throw new Error(exchange.failure?.message ?? 'no answer');
        };
  let left = requests;
  try {
    const before = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (left-- > 0) await once();
      }),
    );
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(before);
    return { rps: requests / (ms / 1000), userUs: cpu.user / requests, systemUs: cpu.system / requests };
  } finally {
    await dispatcher.close();
  }
}
