import fc from 'fast-check';
import type { Faker, FakerOptions, Randomizer } from '@faker-js/faker';
// The English build alone: the package's main entry loads every locale (≈ 40 MB of RSS the harness never uses).
import { faker as english } from '@faker-js/faker/locale/en';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * faker's own Mersenne Twister rebuilds 624 words of state on every seed, and the planner seeds
 * once per drawn value: a tenth of a wide document's planning time went there. xoroshiro128+ (the
 * generator family fast-check itself draws from) seeds in constant time.
 */
function xoroshiroRandomizer(): Randomizer {
  let rng = xoroshiro128plus(0);
  // faker calls these detached from the object, so they close over the state rather than use `this`
  return {
    next() {
      // 53 random bits, as faker's default randomizer gives
      const high = rng.next() >>> 5;
      const low = rng.next() >>> 6;
      return (high * 67_108_864 + low) / 9_007_199_254_740_992;
    },
    seed(seed) {
      const seeds = Array.isArray(seed) ? seed : [seed];
      rng = xoroshiro128plus(seeds.reduce((acc, s) => Math.imul(acc, 31) + s, 0) | 0);
    },
  };
}

// The class behind the English instance: importing `Faker` by name would load the main entry and every locale.
const FakerClass = english.constructor as new (options: FakerOptions) => Faker;
const instance = new FakerClass({ locale: english.rawDefinitions, randomizer: xoroshiroRandomizer() });

/**
 * Realistic values seeded from fast-check's randomness: the seed is drawn by
 * fast-check, so a fast-check seed reproduces the faker output. The one instance is
 * reseeded before every call (generation is synchronous, so no interleaving), which
 * is cheaper than constructing a Faker per value.
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
