import type { Endpoint, Manifest } from '../manifest/types.ts';
import { planEach, type PlanOptions } from '../plan/buildPlan.ts';
import type { Case, SuiteId } from '../plan/case.ts';
import { bodyViolationNote } from '../plan/inputs.ts';
import { parameterViolationNote } from '../plan/parameterViolations.ts';

/** One endpoint's share of the plan: how many cases per suite, or why some could not be planned. */
export interface EndpointPlan {
  endpoint: Endpoint;
  /** Cases per suite; a suite that planned nothing here is absent. */
  counts: Partial<Record<SuiteId, number>>;
  /** The cases themselves, when asked for (`keepCases`). */
  cases?: Case[];
  /** How the planner bounded its work (violations capped, budget spent). */
  notes: string[];
  /** Why (some of) its cases could not be planned: the planner's own error message. */
  unplanned?: string;
}

/** The plan endpoint by endpoint, plus the service-wide cases (rotation actions, the listener). */
export interface PlanByEndpoint {
  endpoints: EndpointPlan[];
  service: { counts: Partial<Record<SuiteId, number>>; cases?: Case[] };
}

/**
 * The plan `harden run` would make with the same seed (the same walk, planEach), grouped by endpoint.
 * An endpoint the planner cannot plan is named with the planner's reason, and the others still get
 * their cases, planned against the whole manifest as a run plans them. Only counts are kept unless
 * `keepCases` asks for the cases: holding every case of a large document until the end was a quarter
 * of the time `harden plan` took on it (the collector walking them again and again).
 */
export function planEndpoints(manifest: Manifest, options: PlanOptions, { keepCases = false }: { keepCases?: boolean } = {}): PlanByEndpoint {
  const fresh = () => ({ counts: {}, ...(keepCases && { cases: [] as Case[] }) });
  const own = new Map<string, EndpointPlan>(manifest.endpoints.map((endpoint) => [endpoint.id, { endpoint, ...fresh(), notes: [] }]));
  const service: PlanByEndpoint['service'] = fresh();
  const onEndpointError = (endpoint: Endpoint, suite: SuiteId, error: Error) => {
    const entry = own.get(endpoint.id)!;
    entry.unplanned = `${entry.unplanned === undefined ? '' : `${entry.unplanned}; `}${suite}: ${error.message}`;
  };
  // Released as it goes, unless the caller keeps the cases (they may be run, drawing from it again).
  planEach(manifest, { ...options, onEndpointError, release: !keepCases }, (suite, endpoint, cases) => {
    for (const c of cases) {
      const entry = own.get(c.endpointId) ?? service;
      entry.counts[c.suite] = (entry.counts[c.suite] ?? 0) + 1;
      entry.cases?.push(c);
    }
    // Asked while the endpoint's body violations are still cached: they are released once its suites are planned.
    if (suite === 'malformed' && endpoint !== undefined) {
      const entry = own.get(endpoint.id)!;
      for (const note of [bodyViolationNote(endpoint, manifest), parameterViolationNote(endpoint, manifest)]) {
        if (note !== undefined) entry.notes.push(note);
      }
    }
  });
  return { endpoints: [...own.values()], service };
}
