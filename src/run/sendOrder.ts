import type { Case } from '../plan/case.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The order cases go on the wire (reports keep plan order): requests that must be refused first,
 * then safe reads, then writes, deletes last — so a served DELETE cannot remove what a later case reads.
 */
export function sendOrder(cases: readonly Case[]): number[] {
  const rank = (c: Case) =>
    c.expect.outcome === 'reject' ? 0 : SAFE.has(c.request.method) ? 1 : c.request.method === 'DELETE' ? 3 : 2;
  return cases.map((c, i) => ({ i, r: rank(c) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.i);
}
