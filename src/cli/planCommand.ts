import { HardenError } from '../errors.ts';
import { openManifest } from '../openapi/openManifest.ts';
import { EXIT } from './exitCode.ts';
import { applyPlanningHeapPolicy, collectImportGarbage } from './heapPolicy.ts';
import { jsonChunks } from './jsonChunks.ts';
import { planEndpoints } from './planEndpoints.ts';
import { otherWarnings, planReport, planTable, type PlanReport } from './planReport.ts';
import type { ProgressSink } from './progressFor.ts';
import { planningProgress } from './planningProgress.ts';
import { resolveOptions } from './resolveOptions.ts';

export interface PlanFlags {
  overlay?: string;
  format?: string;
  suites?: string;
  seed?: string;
  runs?: string;
}

export interface PlanIo {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
  progress?: ProgressSink;
  /** Resolves once what `out` was given has been handed on (RunIo.drained). */
  drained?: () => Promise<void>;
}

/**
 * `harden plan`: imports (or loads) and plans every case offline, then prints per endpoint the
 * suites, case counts, warnings and any reason a case cannot be planned. Sends nothing, needs no
 * token. Without --seed (or HARDEN_SEED) it plans with seed 0, so two runs print the same plan.
 */
export async function planCommand(file: string, flags: PlanFlags, io: PlanIo): Promise<{ code: number; report: PlanReport }> {
  const format = flags.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new HardenError('OPTION_INVALID', `--format must be table or json, got "${format}".`);
  const settings = resolveOptions(file, { suites: flags.suites, seed: flags.seed ?? io.env.HARDEN_SEED ?? '0', runs: flags.runs }, io.env);
  applyPlanningHeapPolicy();
  const { manifest, warnings } = await openManifest(file, flags.overlay);
  collectImportGarbage();
  const show = planningProgress(io.progress, io.env);
  const planned = planEndpoints(manifest, { seed: settings.seed, suites: settings.suites, runs: settings.runs, onProgress: show });
  show.end();
  const report = planReport(file, manifest, planned, settings, warnings);
  if (format === 'json') await writeOut(jsonChunks(report, ['endpoints', 'importWarnings']), io);
  else {
    for (const line of otherWarnings(report, manifest)) io.err(line);
    await writeOut(planTable(report), io);
  }
  return { code: EXIT.held, report };
}

/** Each piece handed on before the next is written: a large document's report runs to tens of megabytes. */
async function writeOut(pieces: Iterable<string>, io: PlanIo): Promise<void> {
  for (const piece of pieces) {
    io.out(piece);
    await io.drained?.();
  }
}
