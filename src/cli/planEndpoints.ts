import type { Endpoint, Manifest } from '../manifest/types.ts';
import { buildPlan, type PlanOptions } from '../plan/buildPlan.ts';
import { SUITES, type Case } from '../plan/case.ts';
import { bodyViolationNote } from '../plan/inputs.ts';
import { parameterViolationNote } from '../plan/parameterViolations.ts';

/** One endpoint's share of the plan: its cases, or why some could not be planned. */
export interface EndpointPlan {
  endpoint: Endpoint;
  cases: Case[];
  /** How the planner bounded its work (violations capped, budget spent). */
  notes: string[];
  /** Why (some of) its cases could not be planned: the planner's own error message. */
  unplanned?: string;
}

/** The plan endpoint by endpoint, plus the service-wide cases (rotation actions, the listener). */
export interface PlanByEndpoint {
  endpoints: EndpointPlan[];
  service: Case[];
}

/**
 * The plan `harden run` would make with the same seed, one suite at a time, grouped by endpoint.
 * An endpoint the planner cannot plan is named with the planner's reason, and the others still get
 * their cases, planned against the whole manifest as a run plans them.
 */
export function planEndpoints(manifest: Manifest, options: PlanOptions): PlanByEndpoint {
  const own = new Map<string, EndpointPlan>(manifest.endpoints.map((endpoint) => [endpoint.id, { endpoint, cases: [], notes: [] }]));
  const service: Case[] = [];
  const add = (cases: Case[]) => {
    for (const c of cases) (own.get(c.endpointId)?.cases ?? service).push(c);
  };
  const suites = SUITES.filter((s) => (options.suites ?? SUITES).includes(s));
  const n = manifest.endpoints.length;
  suites.forEach((suite, index) => {
    // one suite at a time: progress counted over every suite
    const onProgress = options.onProgress && ((done: number) => options.onProgress!(index * n + done, suites.length * n, suite));
    const onEndpointError = (endpoint: Endpoint, _suite: string, error: Error) => {
      const entry = own.get(endpoint.id)!;
      entry.unplanned = `${entry.unplanned === undefined ? '' : `${entry.unplanned}; `}${suite}: ${error.message}`;
    };
    add(buildPlan(manifest, { ...options, suites: [suite], onProgress, onEndpointError }).cases);
  });
  if (suites.includes('malformed')) {
    for (const entry of own.values()) {
      for (const note of [bodyViolationNote(entry.endpoint, manifest), parameterViolationNote(entry.endpoint, manifest)]) {
        if (note !== undefined) entry.notes.push(note);
      }
    }
  }
  return { endpoints: [...own.values()], service };
}
