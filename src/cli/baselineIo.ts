import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Baseline } from '../baseline/baseline.ts';
import { formatBaseline, parseBaseline } from '../baseline/baselineFile.ts';
import { HardenError } from '../errors.ts';

/** Reads an approved baseline; a missing file is undefined only when the run is about to create it. */
export function readBaselineFile(file: string, mayBeMissing: boolean): Baseline | undefined {
  if (!existsSync(file)) {
    if (mayBeMissing) return undefined;
    throw new HardenError('OPTION_INVALID', `--baseline: no baseline at ${file}. Approve one first: npx harden baseline approve ${file} (from reports/evidence.json), or add --update-baseline.`);
  }
  try {
    return parseBaseline(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new HardenError('OPTION_INVALID', `--baseline: ${file} is not a usable baseline: ${(cause as Error).message}.`, { cause });
  }
}

/** Writes a baseline in its review-friendly form. */
export function writeBaselineFile(file: string, baseline: Baseline): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, formatBaseline(baseline));
  } catch (cause) {
    throw new HardenError('REPORT_WRITE_FAILED', `Cannot write the baseline ${file}: ${(cause as Error).message}.`, { cause });
  }
}
