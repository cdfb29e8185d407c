import type { Endpoint, Manifest } from '../manifest/types.ts';
import { buildPlan, type PlanOptions } from '../plan/buildPlan.ts';
import type { Case } from '../plan/case.ts';
import { bodyViolationNote } from '../plan/inputs.ts';

/** One endpoint's share of the plan: its cases, or why it has none. */
export interface EndpointPlan {
  endpoint: Endpoint;
  cases: Case[];
  /** How the planner bounded its work (violations capped, budget spent). */
  notes: string[];
  /** Why the endpoint could not be planned: the planner's own error message. */
  unplanned?: string;
}

/** The plan endpoint by endpoint, plus the service-wide cases (rotation actions, the listener). */
export interface PlanByEndpoint {
  endpoints: EndpointPlan[];
  service: Case[];
}

/**
 * Plans each endpoint alone, so that one endpoint the planner cannot handle is reported by name
 * while the others are still planned. A case's seed derives from the run seed and its id alone
 * (makeCase.ts), so every case is the one `harden run` with the same seed would plan.
 */
export function planEndpoints(manifest: Manifest, options: PlanOptions, onEndpoint?: (done: number, endpoint: Endpoint) => void): PlanByEndpoint {
  const endpoints: EndpointPlan[] = [];
  const service = new Map<string, Case>();
  manifest.endpoints.forEach((endpoint, index) => {
    try {
      const plan = buildPlan({ ...manifest, endpoints: [endpoint] }, options);
      const own = plan.cases.filter((c) => c.endpointId === endpoint.id);
      for (const c of plan.cases) if (c.endpointId !== endpoint.id && !service.has(c.id)) service.set(c.id, c);
      const note = wantsBody(options) ? bodyViolationNote(endpoint, manifest) : undefined;
      endpoints.push({ endpoint, cases: own, notes: note === undefined ? [] : [note] });
    } catch (error) {
      endpoints.push({ endpoint, cases: [], notes: [], unplanned: (error as Error).message });
    }
    onEndpoint?.(index + 1, endpoint);
  });
  return { endpoints, service: [...service.values()] };
}

/** Only the malformed suite breaks bodies; the note would be news about work that was not done. */
const wantsBody = (options: PlanOptions) => options.suites === undefined || options.suites.includes('malformed');
