import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How far V8 lets the old generation grow past the live heap before its next full collection, for large plans. */
export const HEAP_GROWING_PERCENT = 20;

/** Plans from this many cases run with the policy; smaller ones keep V8's defaults. */
export const LARGE_PLAN_CASES = 25_000;

/**
 * A run holds a steady live heap (mostly the plan) and makes garbage at a steady rate. V8's
 * default lets the old generation grow to several times what is live before collecting, so RSS
 * climbs through a large run: 100k cases peaked at 405 MB with the default, 298 MB with 20 %
 * (docs/benchmarks.md, "Memory"). The price is CPU: about five times as many full collections,
 * measured at +30 % CPU per request on a 30k-case load. Below LARGE_PLAN_CASES the heap stays
 * small whatever V8 does, so speed wins; from there on, memory does. Called by the CLI once the
 * plan is known (V8 reads the flag at each collection); returns whether it applied.
 */
export function applyHeapPolicy(plannedCases: number): boolean {
  if (plannedCases < LARGE_PLAN_CASES) {
    // 0 is V8's own dynamic growth, which importing and planning left for a tighter one.
    setFlagsFromString('--heap-growing-percent=0');
    return false;
  }
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}

/** How far the old generation may grow past the live heap while a document is imported and planned. */
export const PLANNING_HEAP_GROWING_PERCENT = 30;

/**
 * Importing and planning hold little (the document while it is read, then the manifest and what the
 * planner has built for the endpoints at hand) and make garbage fast: V8 let Microsoft Graph's 20 MB
 * description grow to 510 MB of heap over 135 MB live before its fourth full collection. Growing by
 * half instead measured the same CPU on DocuSign's 6 MB description (6.6 s) with peak RSS 383 → 219 MB.
 * By 30 %, side by side with 50 % (two alternations each): Graph beta 316–325 → 295–302 MB, Graph
 * 246–252 → 237 MB, DocuSign 206 → 199–202 MB, loket.nl 178 → 163–169 MB, with CPU within the runs'
 * spread (DocuSign 5.6–6.4 s either way). Set before the document is read; `harden run` sets its own
 * policy once the plan is known.
 */
export function applyPlanningHeapPolicy(): void {
  setFlagsFromString(`--heap-growing-percent=${PLANNING_HEAP_GROWING_PERCENT}`);
}

/** Heap in use past which the end of an import is worth a full collection. */
export const IMPORT_GARBAGE_BYTES = 64 * 1024 * 1024;

/**
 * Once a document is imported, most of the heap is garbage (its text, its tree, the manifest as
 * first built: 55 of Microsoft Graph beta's 200 MB are live), and V8 sized the next collection by
 * the import's own peak, so planning started on a heap of 230 MB and peak RSS came here, not in
 * planning. One full collection at this boundary (about 0.1 s): the whole plan peaked at 284–289 MB
 * instead of 288–314 MB, side by side. Nothing in Node collects on request without `--expose-gc`, which a
 * command's shebang cannot pass: the flag is set at run time, and a fresh context is given `gc`.
 * Returns whether it collected.
 */
export function collectImportGarbage(heapUsed = process.memoryUsage().heapUsed): boolean {
  if (heapUsed < IMPORT_GARBAGE_BYTES) return false;
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return true;
}
