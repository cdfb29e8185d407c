import { describe, expect, it } from 'vitest';
import { REFERENCE_JWT_MANIFEST, REFERENCE_MANIFEST } from '../harness.ts';
import { detect } from './detect.ts';

/** A gate that cries wolf gets switched off: the hardened API must give zero findings whatever the seed. */
describe('no false alarms on the hardened reference API', () => {
  it('zero findings over 20 seeds (http tokens, default runs)', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const detection = await detect('', REFERENCE_MANIFEST, seed);
      expect([...detection.pairs], `seed ${seed}`).toEqual([]);
    }
  });

  it('zero findings over 5 seeds with locally signed and forged JWTs', async () => {
    for (let seed = 1; seed <= 5; seed++) {
      const detection = await detect('', REFERENCE_JWT_MANIFEST, seed);
      expect([...detection.pairs], `seed ${seed}`).toEqual([]);
    }
  });
});
