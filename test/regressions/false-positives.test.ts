import { describe, expect, it } from 'vitest';
import { REFERENCE_JWT_MANIFEST, REFERENCE_MANIFEST } from '../harness.ts';
import { detect } from './detect.ts';

const seeds = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** A gate that cries wolf gets switched off: the hardened API must give zero findings whatever the seed. */
describe('no false alarms on the hardened reference API', () => {
  it.each(seeds(20))('zero findings with http tokens and default runs, seed %i', async (seed) => {
    const detection = await detect('', REFERENCE_MANIFEST, seed);
    expect([...detection.pairs]).toEqual([]);
    expect(detection.exitCode).toBe(0);
  }, 120_000);

  it.each(seeds(5))('zero findings with locally signed and forged JWTs, seed %i', async (seed) => {
    const detection = await detect('', REFERENCE_JWT_MANIFEST, seed);
    expect([...detection.pairs]).toEqual([]);
    expect(detection.exitCode).toBe(0);
  }, 120_000);
});
