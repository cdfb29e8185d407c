import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interruptOnAbort } from './interruptOnAbort.ts';

describe('interruptOnAbort', () => {
  it('ends a property at the sample in flight when the signal aborts: no later sample runs', async () => {
    const stop = new AbortController();
    let started = 0;
    const property = fc.asyncProperty(fc.nat(), async () => {
      started += 1;
      if (started === 5) {
        stop.abort();
        // This sample never settles: only the abort can end the run.
        await new Promise(() => undefined);
      }
      return true;
    });
    const details = await fc.check(property, { seed: 1, numRuns: 3000, plugins: [interruptOnAbort(stop.signal)] });
    expect(started).toBe(5);
    expect(details.interrupted).toBe(true);
    expect(details.numRuns).toBe(4);
  });

  it('stops shrinking too, keeping the failure found before the signal', async () => {
    const stop = new AbortController();
    let afterFailure = 0;
    const property = fc.asyncProperty(fc.integer({ min: 0, max: 1_000_000 }), async (n) => {
      if (n < 1000) return true;
      if (++afterFailure === 3) stop.abort();
      return false;
    });
    const details = await fc.check(property, { seed: 1, numRuns: 100, plugins: [interruptOnAbort(stop.signal)] });
    expect(details.failed).toBe(true);
    expect(details.interrupted).toBe(true);
    expect(afterFailure).toBe(3);
    expect(details.counterexamplePath).toBeTruthy();
  });

  it('a signal aborted before the run starts runs nothing', async () => {
    let started = 0;
    const property = fc.asyncProperty(fc.nat(), async () => ++started > 0);
    const details = await fc.check(property, { seed: 1, numRuns: 10, plugins: [interruptOnAbort(AbortSignal.abort())] });
    expect(started).toBe(0);
    expect(details.interrupted).toBe(true);
  });
});
