import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadManifest } from '../manifest/loadManifest.ts';
import { SUITES } from '../plan/case.ts';
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
    show(1, 40, 'positive');
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1_500);
    show(30, 40, 'malformed');
    expect(writes).toEqual(['\r\x1b[2Kharden: planning malformed: 30/40 endpoint plans · 2s']);
    show.end();
    expect(writes.at(-1)).toBe('\r\x1b[2K');
  });

  it('writes plain lines at most every five seconds in a CI log, and nothing where no one watches', () => {
    const { writes, sink: s } = sink(false);
    const show = planningProgress(s, { CI: 'true' });
    vi.advanceTimersByTime(1_200);
    show(1, 9, 'positive');
    vi.advanceTimersByTime(1_000);
    show(2, 9, 'positive');
    vi.advanceTimersByTime(5_000);
    show(3, 9, 'malformed');
    expect(writes).toEqual(['progress: planning positive: 1/9 endpoint plans · 1s\n', 'progress: planning malformed: 3/9 endpoint plans · 7s\n']);
    const quiet = sink(false);
    const none = planningProgress(quiet.sink, {});
    vi.advanceTimersByTime(2_000);
    none(1, 1, 'positive');
    none.end();
    expect(quiet.writes).toEqual([]);
  });

  it('is told after every endpoint of every suite, up to the whole plan', async () => {
    const manifest = await loadManifest('fixtures/reference-api/manifest.yaml');
    const calls: [number, number, string][] = [];
    planEndpoints(manifest, { seed: 1, onProgress: (done, total, suite) => calls.push([done, total, suite]) });
    const total = SUITES.length * manifest.endpoints.length;
    expect(calls.map(([done]) => done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(calls.map(([, t]) => t))).toEqual(new Set([total]));
    expect([...new Set(calls.map(([, , suite]) => suite))]).toEqual([...SUITES]);
  });
});
