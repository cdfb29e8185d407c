import fc from 'fast-check';

/**
 * Generates from `arbitrary` but shrinks like `shrinker`. Faker-backed values and boundary constants
 * find bugs fast but cannot shrink (a faker value shrinks by changing its seed, a constant not at
 * all); delegating to a plain arbitrary that can shrink any value without context lets a failure on
 * "1000" or "Zoë Ünïcødé" shrink to the boundary 901 or the single character "ë".
 */
export function shrinkLike<T>(arbitrary: fc.Arbitrary<T>, shrinker: fc.Arbitrary<T>, smaller: (value: T) => T[] = () => []): fc.Arbitrary<T> {
  return new ShrinkLike(arbitrary, shrinker, smaller);
}

/**
 * Strings one code point shorter, last position first. fast-check's array shrinker drops leading
 * items only, so "é " could not lose its trailing space; these candidates reach "é".
 */
export function withoutOneCodePoint(minLength: number): (value: string) => string[] {
  return (value) => {
    const points = [...value];
    if (points.length <= minLength) return [];
    return points.map((_, i) => points.length - 1 - i).map((i) => [...points.slice(0, i), ...points.slice(i + 1)].join(''));
  };
}

class ShrinkLike<T> extends fc.Arbitrary<T> {
  constructor(
    private readonly source: fc.Arbitrary<T>,
    private readonly shrinker: fc.Arbitrary<T>,
    private readonly smaller: (value: T) => T[],
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    const value = this.source.generate(mrng, biasFactor);
    // Drop the source's context: from here on the shrinker owns the value.
    return new fc.Value(value.value_, undefined);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.shrinker.canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    const extra = fc.Stream.of(...this.smaller(value).map((v) => new fc.Value(v, undefined)));
    if (context === undefined && !this.shrinker.canShrinkWithoutContext(value)) return extra;
    return extra.join(this.shrinker.shrink(value, context));
  }
}
