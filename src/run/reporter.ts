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
  /** In the order results land, not plan order; `index` is the case's position in the plan. */
  onCaseResult?(result: Readonly<CaseResult>, index: number): void | Promise<void>;
  onRunEnd?(summary: Readonly<RunSummary>): void | Promise<void>;
}

/** The one fan-out point: calls a hook on every reporter that has it, in order. */
export async function emit<K extends keyof Reporter>(reporters: readonly Reporter[], hook: K, ...args: Parameters<NonNullable<Reporter[K]>>): Promise<void> {
  for (const reporter of reporters) {
    const pending = (reporter[hook] as ((...a: typeof args) => void | Promise<void>) | undefined)?.apply(reporter, args);
    // Most hooks are synchronous: awaiting only promises spares a turn of the microtask queue per reporter and case.
    if (pending) await pending;
  }
}
