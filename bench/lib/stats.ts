/** Small numeric helpers shared by the benchmarks. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` `reps` times (after `warmup` unrecorded runs) and returns every result. */
export async function repeat<T>(reps: number, fn: (rep: number) => Promise<T> | T, warmup = 0): Promise<T[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: T[] = [];
  for (let i = 0; i < reps; i++) out.push(await fn(i));
  return out;
}

/** Milliseconds since `start` (a performance.now() value). */
export const since = (start: number) => performance.now() - start;

/** Human-readable number: 12 345, 1.23, 0.012. */
export function fmt(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export const mb = (bytes: number) => bytes / (1024 * 1024);

/** Samples process RSS every `intervalMs` until stopped; returns the peak seen (bytes). */
export function rssSampler(intervalMs = 25): { stop(): number; peak(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  timer.unref();
  return {
    peak: () => Math.max(peak, process.memoryUsage.rss()),
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

/**
 * About how many requests a case sent: a property case keeps one outcome's exchanges (1, or 2 with
 * the determinism re-send) and sent that many for each of its runs.
 */
export function requestsSent(r: { property?: { runs: number }; exchanges: readonly unknown[] }): number {
  return r.property ? r.property.runs * Math.max(1, r.exchanges.length) : r.exchanges.length;
}
