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

/**
 * Why a case did not hold: its first finding's code (the case failed; the checks report in registry
 * order, so the first is the most basic, e.g. the status before the body), or the kind of transport
 * failure that left it without an answer (an error). One root cause usually fails many cases, and
 * often with several findings each (a plain-text 401 misses its challenge, its JSON body and its
 * content type): the console groups by the first, and names the others.
 */
export interface Cause {
  verdict: 'failed' | 'error';
  /** A finding code (STATUS_UNEXPECTED), or a failure kind (timeout). */
  code: string;
  message: string;
  /** The case's other finding codes. */
  also: string[];
}

/** The cause of a case that did not hold; undefined for a case that held. */
export function causeOf(c: { verdict: string; findings: readonly { code: string; message: string }[]; failure?: { kind: string; message: string } }): Cause | undefined {
  if (c.verdict === 'error') return { verdict: 'error', code: c.failure?.kind ?? 'error', message: c.failure?.message ?? '', also: [] };
  if (c.verdict !== 'failed') return undefined;
  const [first, ...rest] = c.findings;
  if (!first) return { verdict: 'failed', code: 'failed', message: '', also: [] };
  return { verdict: 'failed', code: first.code, message: first.message, also: [...new Set(rest.map((f) => f.code))].filter((code) => code !== first.code) };
}

export interface CauseGroup<T> {
  route: string;
  cause: Cause;
  /** Cases with this cause on this route. */
  count: number;
  /** Other finding codes these cases had, sorted. */
  also: string[];
  /** The group's first case in plan order (its message is the group's), and what the caller keeps of it. */
  first: { index: number; item: T };
}

/**
 * Cases that did not hold, grouped by (endpoint route, cause) as they land, in any order: only a
 * count, the other codes seen and the first case in plan order are kept per group, so memory
 * follows the number of distinct causes, not of cases. Each case counts in one group.
 */
export class CauseGroups<T> {
  readonly #groups = new Map<string, CauseGroup<T> & { seen: Set<string> }>();

  /** Adds a case; returns true when its cause is new on its route (the first of a group to land). */
  add(route: string, index: number, cause: Cause, item: T): boolean {
    const key = JSON.stringify([route, cause.verdict, cause.code]);
    const group = this.#groups.get(key);
    if (!group) {
      this.#groups.set(key, { route, cause, count: 1, also: [], seen: new Set(cause.also), first: { index, item } });
      return true;
    }
    group.count += 1;
    for (const code of cause.also) group.seen.add(code);
    if (index < group.first.index) Object.assign(group, { cause, first: { index, item } });
    return false;
  }

  get size(): number {
    return this.#groups.size;
  }

  /** Findings before errors, then the largest groups first, then plan order: the same for the same results whatever order they landed in. */
  groups(): CauseGroup<T>[] {
    const rank = (g: CauseGroup<T>) => (g.cause.verdict === 'failed' ? 0 : 1);
    const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return [...this.#groups.values()]
      .map(({ seen, ...g }) => ({ ...g, also: [...seen].sort(text) }))
      .sort((a, b) => rank(a) - rank(b) || b.count - a.count || a.first.index - b.first.index || text(a.route, b.route) || text(a.cause.code, b.cause.code));
  }
}
