import type { GateFacts } from '../run/gate.ts';
import { NOT_HELD } from './caseSource.ts';
import type { Evidence } from './evidence.ts';

/**
 * The gate's facts read off evidence — a run's, or shards merged — so that `run` and `merge` decide
 * by the same rule. `driftApproved`: the run approved its drift into the baseline (--update-baseline).
 */
export function gateFacts(evidence: Pick<Evidence, 'cases' | 'baseline' | 'run' | 'totals'>, options: { driftApproved?: boolean } = {}): GateFacts {
  let refused = 0;
  for (const c of evidence.cases.read({ verdicts: NOT_HELD })) if (c.failure?.kind === 'connection-refused') refused += 1;
  const required = new Set(evidence.run.require ?? []);
  let unprovenRequired = 0;
  if (required.size > 0) for (const c of evidence.cases.read({ verdicts: ['not-proven'] })) if (required.has(c.suite)) unprovenRequired += 1;
  return {
    failed: evidence.totals.failed,
    errors: evidence.totals.errors,
    refused,
    incomplete: evidence.run.incomplete !== undefined,
    unprovenRequired,
    drift: options.driftApproved ? 0 : (evidence.baseline?.drift.length ?? 0),
  };
}
