/**
 * How many seeds the target sweeps try. `npm test` tries a few, to stay well inside its time budget;
 * `npm run targets` sets HARDEN_TARGET_SEEDS=20 for the full sweep whose figures docs/targets.md records.
 */
export function targetSeeds(fallback = 4): number[] {
  const raw = process.env.HARDEN_TARGET_SEEDS;
  const n = raw === undefined ? fallback : Number.parseInt(raw, 10);
  if (!Number.isInteger(n) || n < 1) throw new Error(`HARDEN_TARGET_SEEDS must be a whole number from 1 (got "${raw}")`);
  return Array.from({ length: n }, (_, i) => i + 1);
}
