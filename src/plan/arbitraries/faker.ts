import fc from 'fast-check';
import type { Faker } from '@faker-js/faker';
// The English build alone: the package's main entry loads every locale (≈ 40 MB of RSS the harness never uses).
import { faker as instance } from '@faker-js/faker/locale/en';

/**
 * Realistic values seeded from fast-check's randomness: the seed is drawn by
 * fast-check, so a fast-check seed reproduces the faker output. The English
 * instance is reseeded before every call (generation is synchronous, so no
 * interleaving), which is 5x cheaper than constructing a Faker per value.
 * The reference date is pinned so relative date helpers never read the clock.
 */
const REF_DATE = new Date('2025-01-01T00:00:00.000Z');

export function fakerArbitrary<T>(build: (f: Faker) => T): fc.Arbitrary<T> {
  return fc.noBias(fc.integer({ min: 0, max: 2 ** 31 - 1 })).map((seed) => {
    instance.seed(seed);
    instance.setDefaultRefDate(REF_DATE);
    return build(instance);
  });
}
