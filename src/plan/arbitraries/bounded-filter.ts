import fc from 'fast-check';
import { SchemaGenerationError } from './errors.ts';
import { jsonClone } from './json.ts';
import { chargeWork } from './workMeter.ts';

/**
 * A large value costs as much as many small draws: one unit per 64 values inside it (a `maxItems:
 * 10000` violation is 10,001 items, one draw of DocuSign's envelope body thousands of members) and
 * per kB of its strings (a `maxLength: 65535` violation is 64 kB), beyond the draw itself.
 */
export function sizeUnits(v: unknown): number {
  let values = 0;
  let chars = 0;
  const walk = (x: unknown): void => {
    values++;
    if (typeof x === 'string') chars += x.length;
    else if (Array.isArray(x)) for (const item of x) walk(item);
    else if (x !== null && typeof x === 'object') for (const key in x) walk((x as Record<string, unknown>)[key]);
  };
  walk(v);
  return (values >> 6) + (chars >> 10);
}

/** Fixed seed for fallback pools: keeps runs reproducible whatever the caller's seed. */
const POOL_SEED = 0x5eed;
const POOL_CONTEXT = Symbol('bounded-filter-pool');

export interface BoundedFilterOptions {
  /** Attempts per generated value before falling back to the pool (default 60). */
  tries?: number;
  /** Values sampled (with a fixed seed) to build the fallback pool (default 300). */
  poolRuns?: number;
  /** Accepted values kept in the pool (default 50). */
  poolSize?: number;
  /** Look for the pool's first value now, so `isSatisfiable()` answers without generating later. */
  eager?: boolean;
}

/**
 * `arb.filter(pred)` without the infinite loop: fast-check's own filter retries
 * forever when the predicate is rare. After `tries` misses we answer from a pool of
 * pre-sampled accepted values (picked with the caller's rng, so still seeded); an
 * empty pool raises a SchemaGenerationError naming `label`.
 *
 * The pool is built lazily and only as far as asked: `isSatisfiable()` samples until the first
 * accepted value, and the rest is sampled on the first fallback. Sampling resumes where it
 * stopped, so the pool holds the same values whenever it is built: a wide body's hundreds of
 * violations cost one draw each to plan, not a pool each.
 */
export class BoundedFilterArbitrary<T> extends fc.Arbitrary<T> {
  private readonly pool: T[] = [];
  /** Pool seeds sampled so far (POOL_SEED + 0 … POOL_SEED + sampled - 1). */
  private sampled = 0;
  private readonly tries: number;
  private readonly poolRuns: number;
  private readonly poolSize: number;

  constructor(
    private readonly arb: fc.Arbitrary<T>,
    private readonly pred: (v: T) => boolean,
    private readonly label: string,
    options: BoundedFilterOptions = {},
  ) {
    super();
    this.tries = options.tries ?? 60;
    this.poolRuns = options.poolRuns ?? 300;
    this.poolSize = options.poolSize ?? 50;
    if (options.eager) this.fillPool(1);
  }

  isSatisfiable(): boolean {
    return this.fillPool(1).length > 0;
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    for (let i = 0; i < this.tries; i++) {
      let v: fc.Value<T>;
      chargeWork();
      try {
        v = this.arb.generate(mrng, biasFactor);
      } catch (e) {
        // a nested generator that gave up counts as one miss
        if (e instanceof SchemaGenerationError) continue;
        throw e;
      }
      chargeWork(sizeUnits(v.value));
      if (this.pred(v.value)) return v;
    }
    const pool = this.fillPool(this.poolSize);
    const picked = pool[pool.length === 0 ? 0 : mrng.nextInt(0, pool.length - 1)];
    if (picked === undefined) throw new SchemaGenerationError(`cannot generate a value satisfying ${this.label}`);
    return new fc.Value(jsonClone(picked), POOL_CONTEXT);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.arb.canShrinkWithoutContext(value) && this.pred(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    if (context === POOL_CONTEXT) return fc.Stream.nil();
    return this.arb.shrink(value, context).filter((v) => this.pred(v.value));
  }

  /** The pool, sampled on until it holds `wanted` values or the sample runs out. */
  private fillPool(wanted: number): T[] {
    const pool = this.pool;
    // one seed per draw: a nested generator giving up on one draw must not void the others
    for (; this.sampled < this.poolRuns && pool.length < Math.min(wanted, this.poolSize); this.sampled++) {
      chargeWork();
      try {
        const [v] = fc.sample(this.arb, { seed: POOL_SEED + this.sampled, numRuns: 1 });
        chargeWork(sizeUnits(v));
        if (v !== undefined && this.pred(v)) pool.push(v);
      } catch (e) {
        if (!(e instanceof SchemaGenerationError)) throw e;
      }
    }
    return pool;
  }
}

export function boundedFilter<T>(arb: fc.Arbitrary<T>, pred: (v: T) => boolean, label: string, options?: BoundedFilterOptions): BoundedFilterArbitrary<T> {
  return new BoundedFilterArbitrary(arb, pred, label, options);
}
