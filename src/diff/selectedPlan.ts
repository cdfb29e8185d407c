import type { Manifest } from '../manifest/types.ts';
import { buildPlan, type PlanOptions } from '../plan/buildPlan.ts';
import type { Plan } from '../plan/case.ts';
import { applySelection, changedEndpoints, matchingEndpoints, narrowManifest, smokeCases, type Selected } from './select.ts';
import { manifestAtRef } from './readAtRef.ts';

export interface SelectionRequest {
  changedSince?: string;
  globs: string[];
}

export interface SelectedPlan {
  plan: Plan;
  /** How the selection was made, e.g. `--changed-since HEAD~1 --endpoint "POST /orders"`; absent for a full run. */
  label?: string;
  /** What was selected and why, for the console. */
  lines: string[];
}

const quote = (glob: string) => `"${glob.replace(/"/g, '\\"')}"`;

/**
 * The run's plan: the whole manifest, or only the selected endpoints (planned on a narrowed
 * manifest, so a one-endpoint change in a large manifest costs one endpoint) plus the smoke.
 * --changed-since and --endpoint together select the union of both.
 */
export async function selectedPlan(manifest: Manifest, selection: SelectionRequest | undefined, options: PlanOptions, manifestFile: string, overlay?: string): Promise<SelectedPlan> {
  if (selection === undefined) return { plan: buildPlan(manifest, options), lines: [] };
  const old = selection.changedSince === undefined ? undefined : await manifestAtRef(manifestFile, selection.changedSince, overlay);
  const selected: Selected = selection.changedSince === undefined ? new Map() : changedEndpoints(old, manifest);
  for (const [id, why] of matchingEndpoints(manifest, selection.globs)) selected.set(id, [...(selected.get(id) ?? []), ...why]);
  const ids = new Set(selected.keys());
  const smoke = smokeCases(manifest, selection.changedSince === undefined ? undefined : old, options.seed);
  const plan = applySelection(buildPlan(narrowManifest(manifest, ids), options), ids, smoke);
  const label = [
    ...(selection.changedSince !== undefined ? [`--changed-since ${selection.changedSince}`] : []),
    ...selection.globs.map((g) => `--endpoint ${quote(g)}`),
  ].join(' ');
  const lines = [`selection (${label}): ${ids.size} of ${manifest.endpoints.length} endpoints, ${plan.cases.length} cases`];
  for (const e of manifest.endpoints.filter((x) => ids.has(x.id))) lines.push(`  ${e.method} ${e.path} (${e.id}): ${selected.get(e.id)!.join('; ')}`);
  const wasProtected = smoke.filter((c) => c.variant !== 'no credentials');
  lines.push(`  + no-credentials smoke on ${smoke.length - wasProtected.length} protected routes, so a route that lost its protection is caught`);
  for (const c of wasProtected) lines.push(`  + ${c.title}: public now, protected at ${selection.changedSince}; expects the old 401`);
  if (selection.changedSince !== undefined && old === undefined) lines.push(`  (${manifestFile} did not exist at ${selection.changedSince}: every endpoint is new)`);
  return { plan, label, lines };
}
