import { mapConcurrent } from './mapConcurrent.ts';
import { openSession, type SessionOptions } from './openSession.ts';
import { emit, type Reporter } from './reporter.ts';
import { sendStages } from './sendStages.ts';
import { buildScopeMatrix } from './scopeMatrix.ts';
import { rotationRecordFrom } from './rotationRecordFrom.ts';
import { OWNERSHIP_STEPS, ROTATION_STEPS } from '../plan/case.ts';
import { runWarnings } from './runWarnings.ts';
import { ResultTally } from './resultTally.ts';
import type { RunSummary } from './summarise.ts';
import { Redactor } from '../transport/redactor.ts';

export interface RunOptions extends SessionOptions {
  reporters?: readonly Reporter[];
  /** Flags a replay must repeat to plan the same cases; carried into the summary for reporters. */
  replayFlags?: string[];
  /** What the replay line starts with instead of `npx harden run MANIFEST --base-url URL`. */
  replayPrefix?: string;
  /** Replays one property case's shrunk failure (fast-check path) instead of all its runs. */
  replayPath?: string;
  /** Receives the redactor before any secret exists, so front ends can scrub their own output. */
  onRedactor?: (redactor: Redactor) => void;
}

/**
 * One run: open a session, send every case with bounded concurrency, report.
 * Each result goes to the reporters as it lands and is then dropped: the summary keeps counts,
 * the matrix and the drill, so memory does not grow with the number of cases.
 * Throws HardenError for faults of the harness or target (refused, unreachable, token provider);
 * everything about the API's behaviour is a verdict in the summary.
 */
export async function executeRun(options: RunOptions): Promise<RunSummary> {
  const { plan } = options;
  const reporters = options.reporters ?? [];
  const redactor = new Redactor();
  options.onRedactor?.(redactor);
  const session = await openSession(options, redactor);
  const startedAt = new Date();
  try {
    await emit(reporters, 'onRunStart', { plan, baseUrl: session.baseUrl.origin, manifestFile: options.manifest.source, startedAt });
    const tally = new ResultTally();
    const run = async (index: number) => {
      const result = await session.runCase(plan.cases[index]!, options.replayPath);
      tally.add(result, index);
      await emit(reporters, 'onCaseResult', result, index);
    };
    const inStages = async (include: (index: number) => boolean) => {
      for (const stage of sendStages(plan.cases, include)) await mapConcurrent(stage, session.limits.concurrency, run);
    };
    // Cases with the token left to expire go last: its lifetime runs out while the others are sent.
    const expiring = (i: number) => plan.cases[i]!.credential?.token?.kind === 'expired';
    await inStages((i) => plan.cases[i]!.rotation === undefined && plan.cases[i]!.ownership === undefined && !expiring(i));
    await inStages(expiring);
    // The ownership steps depend on each other too (create, control, probes); probes in plan order,
    // one at a time, so a delete the API wrongly allows comes after the reads and changes.
    for (const step of OWNERSHIP_STEPS) {
      await mapConcurrent(plan.cases.flatMap((c, i) => (c.ownership?.step === step ? [i] : [])), step === 'probe' ? 1 : session.limits.concurrency, run);
    }
    // The drill's steps depend on each other, so they run after everything else, one step at a time.
    for (const step of ROTATION_STEPS) await inStages((i) => plan.cases[i]!.rotation === step);
    const counts = { suites: tally.suites, totals: tally.totals, refused: tally.refused, interrupted: tally.interrupted };
    const summary: RunSummary = {
      seed: plan.seed,
      service: plan.service,
      baseUrl: session.baseUrl.origin,
      manifestFile: options.manifest.source,
      startedAt,
      finishedAt: new Date(),
      ...counts,
      scopeMatrix: buildScopeMatrix(tally.matrixCells(), Object.keys(options.manifest.auth.scopes)),
      rotation: rotationRecordFrom(tally.drillSteps()),
      warnings: [...options.manifest.warnings, ...runWarnings(counts, options.signal)],
      manifestSha256: options.manifest.sha256,
      replayFlags: options.replayFlags,
      replayPrefix: options.replayPrefix,
    };
    await emit(reporters, 'onRunEnd', summary);
    return summary;
  } finally {
    await session.close();
  }
}
