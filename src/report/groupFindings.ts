import type { EvidenceCase, EvidenceFinding } from './evidence.ts';

export interface CheckGroup {
  /** A check id, or "no-response" for cases the API did not answer. */
  check: string;
  items: { case: EvidenceCase; finding?: EvidenceFinding }[];
}

export interface EndpointGroup {
  endpointId: string;
  route: string;
  cases: EvidenceCase[];
  checks: CheckGroup[];
}

/**
 * Failing and errored cases grouped by endpoint, then by the check that failed (a case with two
 * failing checks is listed under both); groups in the order their first case was planned.
 */
export function groupFindings(cases: Iterable<EvidenceCase>): EndpointGroup[] {
  const endpoints = new Map<string, EndpointGroup>();
  for (const c of cases) {
    if (c.verdict !== 'failed' && c.verdict !== 'error') continue;
    let group = endpoints.get(c.endpoint.id);
    if (!group) endpoints.set(c.endpoint.id, (group = { endpointId: c.endpoint.id, route: c.endpoint.route, cases: [], checks: [] }));
    group.cases.push(c);
    const entries: [string, EvidenceFinding | undefined][] = c.findings.length > 0 ? c.findings.map((f) => [f.check, f]) : [['no-response', undefined]];
    for (const [check, finding] of entries) {
      let byCheck = group.checks.find((g) => g.check === check);
      if (!byCheck) group.checks.push((byCheck = { check, items: [] }));
      byCheck.items.push({ case: c, finding });
    }
  }
  return [...endpoints.values()];
}
