import { describe, expect, it } from 'vitest';
import { REFERENCE_JWT_MANIFEST, REFERENCE_MANIFEST } from '../harness.ts';
import { detect } from './detect.ts';
import { targetSeeds } from '../targetSeeds.ts';

/** A gate that cries wolf gets switched off: the hardened API must give zero findings whatever the seed. */
describe('no false alarms on the hardened reference API', () => {
  it.each(targetSeeds(5))('zero findings with http tokens and default runs, seed %i', async (seed) => {
    const detection = await detect('', REFERENCE_MANIFEST, seed);
    expect([...detection.pairs]).toEqual([]);
    expect(detection.exitCode).toBe(0);
  }, 120_000);

  it.each(targetSeeds(2))('zero findings with locally signed and forged JWTs, seed %i', async (seed) => {
    const detection = await detect('', REFERENCE_JWT_MANIFEST, seed);
    expect([...detection.pairs]).toEqual([]);
    expect(detection.exitCode).toBe(0);
  }, 120_000);
});
