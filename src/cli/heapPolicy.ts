import { setFlagsFromString } from 'node:v8';

/** How far V8 lets the old generation grow past the live heap before its next full collection. */
export const HEAP_GROWING_PERCENT = 20;

/**
 * A run holds a steady live heap (the plan, the counts) and makes garbage at a steady rate. V8's
 * default lets the heap grow to several times what is live before it collects, so RSS climbs
 * through a run and never comes back: measured on 100k cases, 455 MB peak with the default and
 * 306 MB with 20 %, for about one full collection more per second (docs/benchmarks.md, "Memory").
 * Applied by the CLI's entry points only, never by the library a test imports.
 */
export function applyHeapPolicy(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
