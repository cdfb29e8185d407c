import type { CaseResult } from './caseResult.ts';
import { mapConcurrent } from './mapConcurrent.ts';
import { openSession, type SessionOptions } from './openSession.ts';
import { emit, type Reporter } from './reporter.ts';
import { sendOrder } from './sendOrder.ts';
import { buildScopeMatrix } from './scopeMatrix.ts';
import { countResults, type RunSummary } from './summarise.ts';
import { Redactor } from '../transport/redactor.ts';

export interface RunOptions extends SessionOptions {
  reporters?: readonly Reporter[];
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
    await mapConcurrent(sendOrder(plan.cases), session.limits.concurrency, async (index) => {
      results[index] = await session.runCase(plan.cases[index]!, options.replayPath);
      await emit(reporters, 'onCaseResult', results[index]);
    });
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
      warnings: options.manifest.warnings,
      manifestSha256: options.manifest.sha256,
    };
    await emit(reporters, 'onRunEnd', summary);
    return summary;
  } finally {
    await session.close();
  }
}
