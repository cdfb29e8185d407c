/** Everything one bench run measured, as written to reports/bench-results.json and rendered into docs. */
import type { ChecksRow, PlannerRow } from './components.ts';
import type { BenchConfig } from './config.ts';
import type { FuzzRow } from './fuzzCost.ts';
import type { GenerationResult } from './generation.ts';
import type { DreddRow } from './peer/dredd.ts';
import type { PositiveRow } from './peer/positiveSuite.ts';
import type { ScaleRow } from './scale.ts';
import type { LoadRow } from './sideBySide.ts';
import type { StartupRow } from './startup.ts';
import type { CliStartRow } from './cliStart.ts';
import type { SignalStopRow } from './signalStop.ts';
import type { DocumentsResult } from './documents.ts';

export interface Machine {
  cores: number;
  model: string;
  node: string;
  os: string;
  memoryGb: number;
  /** The commit measured, and how many files under src/ and fixtures/ differed from it (others' work in progress). */
  commit: string;
  uncommitted: number;
}

export interface BenchResults {
  machine: Machine;
  config: BenchConfig;
  startedAt: string;
  totalMs: number;
  command: string;
  generation?: GenerationResult;
  fuzz?: { rows: FuzzRow[]; oneRunWallMs: number; defaultRunsWallMs: number; runs: number };
  /** Ceiling, floors and harness, side by side. */
  load: LoadRow[];
  planner: PlannerRow[];
  checks: ChecksRow[];
  scale: ScaleRow[];
  dredd: DreddRow[];
  positive: PositiveRow[];
  startup?: StartupRow;
  cliStart?: CliStartRow[];
  signalStop?: SignalStopRow;
  documents?: DocumentsResult;
  /** Sections that failed, with why. */
  errors: { section: string; message: string }[];
}

export interface Goal {
  goal: string;
  target: string;
  measured: string;
  met: boolean | undefined;
}
