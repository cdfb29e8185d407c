import type { Dispatcher } from 'undici';

/** What one dispatched request produced: a head and the body bytes kept under the cap, or an error. */
export interface DispatchOutcome {
  status?: number;
  headers?: Record<string, string | string[]>;
  chunks: Buffer[];
  /** Body bytes received, including any past the cap that were dropped. */
  total: number;
  truncated: boolean;
  error?: unknown;
}

/**
 * Sends one request through undici's handler API. Unlike `dispatcher.request({ signal })`, it needs
 * no AbortSignal: undici hands over a controller, which the deadline timer and the run's stop use
 * directly — a signal per request cost about a third of undici's throughput (docs/benchmarks.md).
 * Body bytes past `cap` are never kept: the request is aborted there.
 */
export function dispatchOnce(
  dispatcher: Dispatcher,
  options: Dispatcher.DispatchOptions,
  cap: number,
  abortWhen: (abort: (reason: Error) => void) => () => void,
): Promise<DispatchOutcome> {
  return new Promise((resolve) => {
    const outcome: DispatchOutcome = { chunks: [], total: 0, truncated: false };
    let release = () => {};
    const finish = (error?: unknown) => {
      release();
      if (error !== undefined && !outcome.truncated) outcome.error = error;
      resolve(outcome);
    };
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(controller) {
        release = abortWhen((reason) => controller.abort(reason));
      },
      onResponseStart(_controller, statusCode, headers) {
        outcome.status = statusCode;
        outcome.headers = headers as Record<string, string | string[]>;
      },
      onResponseData(controller, chunk) {
        const room = cap - Math.min(outcome.total, cap);
        if (room > 0) outcome.chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
        outcome.total += chunk.length;
        if (outcome.total > cap) {
          outcome.truncated = true;
          controller.abort(new Error('response over the cap'));
        }
      },
      onResponseEnd() {
        finish();
      },
      onResponseError(_controller, error) {
        finish(error);
      },
    };
    try {
      dispatcher.dispatch(options, handler);
    } catch (error) {
      finish(error);
    }
  });
}
