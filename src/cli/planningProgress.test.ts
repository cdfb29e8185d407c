import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadManifest } from '../manifest/loadManifest.ts';
import { planEndpoints } from './planEndpoints.ts';
import { planningProgress } from './planningProgress.ts';

describe('planning progress', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['performance'] }));
  afterEach(() => vi.useRealTimers());

  const sink = (tty: boolean) => {
    const writes: string[] = [];
    return { writes, sink: { write: (t: string) => writes.push(t), tty, columns: 80 } };
  };

  it('says nothing for the first second, then redraws one line on a terminal and clears it at the end', () => {
    const { writes, sink: s } = sink(true);
    const show = planningProgress(s, {});
    show(1, 40);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1_500);
    show(30, 40);
    expect(writes).toEqual(['\r\x1b[2Kharden: planning: 30/40 endpoints · 2s']);
    show.end();
    expect(writes.at(-1)).toBe('\r\x1b[2K');
  });

  it('writes plain lines at most every five seconds in a CI log, and nothing where no one watches', () => {
    const { writes, sink: s } = sink(false);
    const show = planningProgress(s, { CI: 'true' });
    vi.advanceTimersByTime(1_200);
    show(1, 9);
    vi.advanceTimersByTime(1_000);
    show(2, 9);
    vi.advanceTimersByTime(5_000);
    show(3, 9);
    expect(writes).toEqual(['progress: planning: 1/9 endpoints · 1s\n', 'progress: planning: 3/9 endpoints · 7s\n']);
    const quiet = sink(false);
    const none = planningProgress(quiet.sink, {});
    vi.advanceTimersByTime(2_000);
    none(1, 1);
    none.end();
    expect(quiet.writes).toEqual([]);
  });

  it('is told after every endpoint, up to the whole manifest', async () => {
    const manifest = await loadManifest('fixtures/reference-api/manifest.yaml');
    const calls: [number, number][] = [];
    planEndpoints(manifest, { seed: 1, onProgress: (done, total) => calls.push([done, total]) });
    const total = manifest.endpoints.length;
    expect(calls).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
  });
});
