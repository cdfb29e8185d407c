import type { DriftItem } from '../model/drift.ts';
import { plural } from './plural.ts';

/** Console lines for baseline changes, each naming the case and what changed. */
export function driftLines(drift: readonly DriftItem[], baselineFile: string): string[] {
  if (drift.length === 0) return [`baseline: no change from ${baselineFile}`];
  return [
    `baseline: ${plural(drift.length, 'change')} from ${baselineFile}:`,
    ...drift.map((d) => `  DRIFT ${d.kind.padEnd(7)} ${d.title}: ${d.message}`),
    `  (approve the new behaviour with: npx harden baseline approve ${baselineFile})`,
  ];
}
