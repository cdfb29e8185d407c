import fc from 'fast-check';

/**
 * A fast-check plugin that ends a property run the moment `signal` aborts: the sample in flight is
 * abandoned (its request is aborted by the same signal in transport) and no further sample or
 * shrink runs. fast-check's own `interruptAfterTimeLimit` works the same way, on a clock instead of
 * a signal: a `PreconditionFailure(true)` tells its runner to stop, keeping what it found so far.
 */
export function interruptOnAbort(signal: AbortSignal): fc.Plugin<unknown> {
  return () => {
    const stopped = new fc.PreconditionFailure(true);
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<fc.PreconditionFailure>((resolve) => {
      onAbort = () => resolve(stopped);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    return {
      decorateRun: (nestedRun) => (value) => {
        if (signal.aborted) return stopped;
        const out = nestedRun(value);
        // A synchronous run must stay synchronous (fast-check's plugin contract).
        if (out === null || !('then' in out)) return out;
        return Promise.race([out, aborted]);
      },
      afterAll: () => {
        if (onAbort) signal.removeEventListener('abort', onAbort);
      },
    };
  };
}
