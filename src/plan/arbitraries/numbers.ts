import fc from 'fast-check';
import { shrinkLike } from './shrinkLike.ts';
import type { Schema } from './types.ts';

/**
 * Numbers honouring minimum, maximum, exclusive bounds and multipleOf. Multiples are built as
 * k × step and then checked the way ajv checks them (`v / m` must be an integer
 * in floating point), because 0.3 / 0.1 !== 3 in IEEE doubles. The exact bounds
 * (and thus "just beyond the bound" for violation schemas) are always in the mix.
 */
interface Bounds { lo: number | undefined; loExcl: boolean; hi: number | undefined; hiExcl: boolean }

const SAFE = Number.MAX_SAFE_INTEGER;
/** Typical magnitude of an unbounded side (realistic values), and of the occasional far value. */
const NEAR = 1_000;
const FAR = 1e12;

function numericBounds(s: Schema): Bounds {
  const num = (k: string) => (typeof s[k] === 'number' && Number.isFinite(s[k]) ? (s[k] as number) : undefined);
  const [min, xmin, max, xmax] = [num('minimum'), num('exclusiveMinimum'), num('maximum'), num('exclusiveMaximum')];
  const loExcl = xmin !== undefined && (min === undefined || xmin >= min);
  const hiExcl = xmax !== undefined && (max === undefined || xmax <= max);
  return { lo: loExcl ? xmin : min, loExcl, hi: hiExcl ? xmax : max, hiExcl };
}

/** What ajv does for multipleOf (no multipleOfPrecision): quotient must survive parseInt. */
function isMultipleOf(v: number, m: number): boolean {
  const q = v / m;
  return q === parseInt(String(q), 10);
}

function inBounds(v: number, b: Bounds): boolean {
  if (b.lo !== undefined && (b.loExcl ? v <= b.lo : v < b.lo)) return false;
  return !(b.hi !== undefined && (b.hiExcl ? v >= b.hi : v > b.hi));
}

function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigInt64(0, view.getBigInt64(0) + (x > 0 ? 1n : -1n));
  return view.getFloat64(0);
}

function nextDown(x: number): number {
  return -nextUp(-x);
}

function decimals(x: number): number {
  const s = String(x);
  return s.includes('e') ? 12 : (s.split('.')[1]?.length ?? 0);
}

/** Integer range [lo, hi] of admissible values (or of k for multiples), with defaults for open sides. */
function intRange(b: Bounds, step: number): Array<[number, number]> | undefined {
  const lo = b.lo === undefined ? undefined : b.loExcl ? Math.floor(b.lo / step) + 1 : Math.ceil(b.lo / step);
  const hi = b.hi === undefined ? undefined : b.hiExcl ? Math.ceil(b.hi / step) - 1 : Math.floor(b.hi / step);
  const cap = (n: number) => Math.max(-SAFE, Math.min(SAFE, n));
  const near = Math.max(1, Math.floor(NEAR / step));
  const far = Math.floor(Math.min(SAFE, FAR / step));
  const ranges: Array<[number, number]> = [];
  for (const width of [near, far]) {
    const l = cap(lo ?? (hi === undefined ? -width : hi - width));
    const h = cap(hi ?? (lo === undefined ? width : lo + width));
    if (l <= h) ranges.push([l, h]);
  }
  return ranges.length ? ranges : undefined;
}

function zeroFix(v: number): number {
  return Object.is(v, -0) ? 0 : v;
}

export function numberArbitrary(s: Schema, integerOnly: boolean): fc.Arbitrary<number> | undefined {
  const b = numericBounds(s);
  const m = typeof s['multipleOf'] === 'number' && s['multipleOf'] > 0 ? s['multipleOf'] : undefined;
  if (m !== undefined) return multipleArbitrary(b, m, integerOnly);
  const ranges = intRange(b, 1);
  const arbs: Array<fc.WeightedArbitrary<number>> = (ranges ?? []).map(([min, max], i) => ({ arbitrary: fc.integer({ min, max }), weight: i === 0 ? 3 : 1 }));
  const edges: number[] = [];
  if (ranges && b.lo !== undefined) edges.push(ranges[0]![0]);
  if (ranges && b.hi !== undefined) edges.push(ranges[0]![1]);
  if (!integerOnly) {
    const dlo = b.lo === undefined ? -Number.MAX_VALUE : b.loExcl ? nextUp(b.lo) : b.lo;
    const dhi = b.hi === undefined ? Number.MAX_VALUE : b.hiExcl ? nextDown(b.hi) : b.hi;
    if (dlo > dhi) return undefined;
    arbs.push({ arbitrary: fc.double({ min: dlo, max: dhi, noNaN: true, noDefaultInfinity: true }), weight: 3 });
    if (b.lo !== undefined) edges.push(dlo);
    if (b.hi !== undefined) edges.push(dhi);
  }
  if (arbs.length === 0) return undefined;
  if (edges.length) arbs.push({ arbitrary: fc.constantFrom(...edges), weight: 1 });
  const generated = fc.oneof(...arbs).map(zeroFix);
  // Integers shrink like one plain integer over the whole range, so a boundary failure shrinks to the boundary.
  if (integerOnly && ranges && b.lo !== undefined && b.hi !== undefined) return shrinkLike(generated, fc.integer({ min: ranges[0]![0], max: ranges[0]![1] }));
  return generated;
}

/** Smallest positive integer multiple of m (e.g. 2.5 → 5), computed on decimal digits. */
function integerStep(m: number): number | undefined {
  const d = decimals(m);
  const scale = 10 ** d;
  const p = Math.round(m * scale);
  const g = gcd(p, scale);
  const step = p / g;
  return Number.isSafeInteger(step) ? step : undefined;
}

function gcd(x: number, y: number): number {
  return y === 0 ? x : gcd(y, x % y);
}

function multipleArbitrary(b: Bounds, m: number, integerOnly: boolean): fc.Arbitrary<number> | undefined {
  const step = integerOnly ? integerStep(m) : m;
  if (step === undefined) return undefined;
  const ranges = intRange(b, step);
  if (!ranges) return undefined;
  const d = decimals(step);
  const ok = (v: number) => isMultipleOf(v, m) && inBounds(v, b) && (!integerOnly || Number.isInteger(v));
  const valueAt = (k: number) => zeroFix(d > 0 ? Number((k * step).toFixed(d)) : k * step);
  const [klo, khi] = ranges[0]!;
  // k × step can miss by an ulp; search nearby k for a value ajv accepts
  const fix = (k: number): number | undefined => {
    for (let i = 0; i < 40; i++) {
      for (const c of [k + i, k - i]) if (ok(valueAt(c))) return valueAt(c);
    }
    return undefined;
  };
  const edges = [fix(klo), fix(khi)].filter((x): x is number => x !== undefined);
  const fallback = edges[0] ?? fix(0) ?? fix(Math.round((klo + khi) / 2));
  if (fallback === undefined) return undefined;
  const ks = fc.oneof({ arbitrary: fc.integer({ min: klo, max: khi }), weight: 4 }, ...ranges.slice(1).map(([l, h]) => ({ arbitrary: fc.integer({ min: l, max: h }), weight: 1 })));
  const main = ks.map((k) => fix(k) ?? fallback);
  return b.lo !== undefined || b.hi !== undefined ? fc.oneof({ arbitrary: main, weight: 4 }, { arbitrary: fc.constantFrom(...(edges.length ? edges : [fallback])), weight: 1 }) : main;
}
