/**
 * The library API, for code that drives the harness itself (the CLI is `harden`, see README.md):
 * open a manifest, plan, run with reporters, and read the summary.
 */
export { main, type MainIo } from './cli/main.ts';
export { HardenError, formatHardenError, type HardenErrorCode } from './errors.ts';
export { loadManifest } from './manifest/loadManifest.ts';
export type { Manifest } from './manifest/types.ts';
export { openManifest } from './openapi/openManifest.ts';
export { buildPlan, type PlanOptions } from './plan/buildPlan.ts';
export type { Case, Plan, SuiteId } from './plan/case.ts';
export { executeRun, type RunOptions } from './run/executeRun.ts';
export { openSession, type Session, type SessionOptions } from './run/openSession.ts';
export type { CaseResult } from './run/caseResult.ts';
export type { Reporter } from './run/reporter.ts';
export type { RunSummary } from './run/summarise.ts';
