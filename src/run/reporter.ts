import type { Plan } from '../plan/case.ts';
import type { CaseResult } from './caseResult.ts';
import type { RunSummary } from './summarise.ts';

export interface RunStartInfo {
  plan: Readonly<Plan>;
  baseUrl: string;
  manifestFile: string;
  startedAt: Date;
}

/** Reporters subscribe to run events; every hook is optional and receives read-only results. */
export interface Reporter {
  onRunStart?(info: RunStartInfo): void | Promise<void>;
  onCaseResult?(result: Readonly<CaseResult>): void | Promise<void>;
  onRunEnd?(summary: Readonly<RunSummary>): void | Promise<void>;
}

/** The one fan-out point: calls a hook on every reporter that has it, in order. */
export async function emit<K extends keyof Reporter>(reporters: readonly Reporter[], hook: K, arg: Parameters<NonNullable<Reporter[K]>>[0]): Promise<void> {
  for (const reporter of reporters) await (reporter[hook] as ((a: typeof arg) => void | Promise<void>) | undefined)?.call(reporter, arg);
}
