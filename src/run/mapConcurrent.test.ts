import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapConcurrent } from './mapConcurrent.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('mapConcurrent', () => {
  it('keeps the items order, never runs more than the limit at once, and runs every item', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(3), { maxLength: 30 }), fc.integer({ min: 1, max: 8 }), async (delays, limit) => {
        let running = 0;
        let most = 0;
        const results = await mapConcurrent(delays, limit, async (delay, i) => {
          most = Math.max(most, ++running);
          for (let k = 0; k < delay; k++) await tick();
          running--;
          return i * 2;
        });
        expect(results).toEqual(delays.map((_, i) => i * 2));
        expect(most).toBeLessThanOrEqual(limit);
      }),
      { numRuns: 50 },
    );
  });

  it('starts no new task once one has thrown, and rejects with that error', async () => {
    const started: number[] = [];
    const run = mapConcurrent([...Array(100).keys()], 4, async (i) => {
      started.push(i);
      await tick();
      if (i === 5) throw new Error('disk full');
      return i;
    });
    await expect(run).rejects.toThrow('disk full');
    await tick();
    await tick();
    // The four in flight when item 5 failed may finish; nothing after them starts.
    expect(Math.max(...started)).toBeLessThan(5 + 4);
  });
});
