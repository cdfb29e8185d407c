import { HardenError } from '../errors.ts';
import { openManifest } from '../openapi/openManifest.ts';
import { EXIT } from './exitCode.ts';
import { planEndpoints } from './planEndpoints.ts';
import { otherWarnings, planReport, planTable, type PlanReport } from './planReport.ts';
import type { ProgressSink } from './progressFor.ts';
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
}

/** Planning that lasts longer than this shows progress, so a long plan is not mistaken for a hang. */
const QUIET_MS = 1_000;
/** Plain progress lines (CI logs) come at most this often. */
const PLAIN_EVERY_MS = 5_000;

/**
 * `harden plan`: imports (or loads) and plans every case offline, then prints per endpoint the
 * suites, case counts, warnings and any reason a case cannot be planned. Sends nothing, needs no
 * token. Without --seed (or HARDEN_SEED) it plans with seed 0, so two runs print the same plan.
 */
export async function planCommand(file: string, flags: PlanFlags, io: PlanIo): Promise<{ code: number; report: PlanReport }> {
  const format = flags.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new HardenError('OPTION_INVALID', `--format must be table or json, got "${format}".`);
  const settings = resolveOptions(file, { suites: flags.suites, seed: flags.seed ?? io.env.HARDEN_SEED ?? '0', runs: flags.runs }, io.env);
  const { manifest, warnings } = await openManifest(file, flags.overlay);
  const show = progressLine(io);
  const planned = planEndpoints(manifest, { seed: settings.seed, suites: settings.suites, runs: settings.runs }, (done, total, suite) =>
    show(`planned ${done}/${total} suites (${suite}) for ${manifest.endpoints.length} endpoints`),
  );
  show.end();
  const report = planReport(file, manifest, planned, settings, warnings);
  if (format === 'json') io.out(JSON.stringify(report, null, 2));
  else {
    for (const line of otherWarnings(report, manifest)) io.err(line);
    for (const line of planTable(report)) io.out(line);
  }
  return { code: EXIT.held, report };
}

/**
 * Progress for a synchronous loop: nothing for the first second; then a line redrawn in place on a
 * terminal, or a plain line every few seconds in a CI log (CI=true), as `harden run` shows it.
 * Nowhere else: a captured stderr gets no progress.
 */
function progressLine(io: PlanIo): ((text: string) => void) & { end: () => void } {
  const sink = io.progress;
  const mode = !sink ? undefined : sink.tty && io.env.CI !== 'true' ? 'tty' : io.env.CI === 'true' ? 'plain' : undefined;
  const started = performance.now();
  let last = -Infinity;
  let drawn = false;
  const show = (text: string) => {
    const now = performance.now();
    if (!sink || !mode || now - started < QUIET_MS) return;
    const seconds = `${((now - started) / 1000).toFixed(0)}s`;
    if (mode === 'tty') {
      const width = Math.max(20, (sink.columns || 80) - 1);
      const line = `harden: ${text} · ${seconds}`;
      sink.write(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
      drawn = true;
    } else if (now - last >= PLAIN_EVERY_MS) {
      sink.write(`progress: ${text} · ${seconds}\n`);
      last = now;
    }
  };
  return Object.assign(show, { end: () => drawn && sink?.write('\r\x1b[2K') });
}
