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
 * The handler of one request. A class rather than an object of closures: the methods live once on
 * the prototype, where closures would be made (and, under tsx, named) for every request.
 */
class OnceHandler implements Dispatcher.DispatchHandler {
  readonly outcome: DispatchOutcome = { chunks: [], total: 0, truncated: false };
  private release: (() => void) | undefined;

  constructor(
    private readonly cap: number,
    private readonly abortWhen: (abort: (reason: Error) => void) => () => void,
    private readonly resolve: (outcome: DispatchOutcome) => void,
  ) {}

  finish(error?: unknown): void {
    this.release?.();
    if (error !== undefined && !this.outcome.truncated) this.outcome.error = error;
    this.resolve(this.outcome);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.release = this.abortWhen((reason) => controller.abort(reason));
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    this.outcome.status = statusCode;
    this.outcome.headers = headers as Record<string, string | string[]>;
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    const { outcome, cap } = this;
    const room = cap - Math.min(outcome.total, cap);
    if (room > 0) outcome.chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
    outcome.total += chunk.length;
    if (outcome.total > cap) {
      outcome.truncated = true;
      controller.abort(new Error('response over the cap'));
    }
  }

  onResponseEnd(): void {
    this.finish();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.finish(error);
  }
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
    const handler = new OnceHandler(cap, abortWhen, resolve);
    try {
      dispatcher.dispatch(options, handler);
    } catch (error) {
      handler.finish(error);
    }
  });
}
