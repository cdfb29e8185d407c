import type { DriftItem } from '../baseline/drift.ts';

/** Console lines for baseline changes, each naming the case and what changed. */
export function driftLines(drift: readonly DriftItem[], baselineFile: string): string[] {
  if (drift.length === 0) return [`baseline: no change from ${baselineFile}`];
  return [
    `baseline: ${drift.length} change${drift.length === 1 ? '' : 's'} from ${baselineFile}:`,
    ...drift.map((d) => `  DRIFT ${d.kind.padEnd(7)} ${d.title}: ${d.message}`),
    `  (approve the new behaviour with: npx harden baseline approve ${baselineFile})`,
  ];
}
