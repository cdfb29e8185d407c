import type fc from 'fast-check';
import type { Schema } from '../types.ts';

/**
 * A way to break one keyword of a plain schema node: `values` proposes
 * replacements for the instance at that location; they are kept only if they
 * satisfy `relaxed` (the node minus that keyword) and fail the node itself — so
 * exactly that keyword is what makes them invalid.
 */
export interface Candidate {
  keyword: string;
  values: fc.Arbitrary<unknown>;
  relaxed: Schema;
  /**
   * Built only when no value of `values` breaks the keyword alone: a costlier way to the same
   * violation (a string generated at length from its pattern, where stretching a valid one fails).
   */
  fallback?: () => fc.Arbitrary<unknown> | undefined;
}

/** Generator of valid values for a modified plain node; `undefined` if it admits none. */
export type PlainGen = (s: Schema) => fc.Arbitrary<unknown> | undefined;

export function without(s: Schema, ...keys: string[]): Schema {
  const out = { ...s };
  for (const k of keys) delete out[k];
  return out;
}

export function present<T>(xs: ReadonlyArray<T | undefined>): T[] {
  return xs.filter((x): x is T => x !== undefined);
}
