import type { CaseResult } from './caseResult.ts';
import { mapConcurrent } from './mapConcurrent.ts';
import { openSession, type SessionOptions } from './openSession.ts';
import { emit, type Reporter } from './reporter.ts';
import { sendOrder } from './sendOrder.ts';
import { buildScopeMatrix } from './scopeMatrix.ts';
import { rotationRecordFrom } from './rotationRecordFrom.ts';
import { ROTATION_STEPS } from '../plan/case.ts';
import { runWarnings } from './runWarnings.ts';
import { countResults, type RunSummary } from './summarise.ts';
import { Redactor } from '../transport/redactor.ts';

export interface RunOptions extends SessionOptions {
  reporters?: readonly Reporter[];
  /** Flags a replay must repeat to plan the same cases; carried into the summary for reporters. */
  replayFlags?: string[];
  /** Replays one property case's shrunk failure (fast-check path) instead of all its runs. */
  replayPath?: string;
  /** Receives the redactor before any secret exists, so front ends can scrub their own output. */
  onRedactor?: (redactor: Redactor) => void;
}

/**
 * One run: open a session, send every case with bounded concurrency, report.
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
    const results = new Array<CaseResult>(plan.cases.length);
    const run = async (index: number) => {
      results[index] = await session.runCase(plan.cases[index]!, options.replayPath);
      await emit(reporters, 'onCaseResult', results[index]);
    };
    // The drill's steps depend on each other, so they run after everything else, one step at a time.
    const order = sendOrder(plan.cases);
    await mapConcurrent(order.filter((i) => plan.cases[i]!.rotation === undefined), session.limits.concurrency, run);
    for (const step of ROTATION_STEPS) {
      await mapConcurrent(order.filter((i) => plan.cases[i]!.rotation === step), session.limits.concurrency, run);
    }
    const summary: RunSummary = {
      seed: plan.seed,
      service: plan.service,
      baseUrl: session.baseUrl.origin,
      manifestFile: options.manifest.source,
      startedAt,
      finishedAt: new Date(),
      results,
      ...countResults(results),
      scopeMatrix: buildScopeMatrix(results, Object.keys(options.manifest.auth.scopes)),
      rotation: rotationRecordFrom(results),
      warnings: [...options.manifest.warnings, ...runWarnings(results, options.signal)],
      manifestSha256: options.manifest.sha256,
      replayFlags: options.replayFlags,
    };
    await emit(reporters, 'onRunEnd', summary);
    return summary;
  } finally {
    await session.close();
  }
}
