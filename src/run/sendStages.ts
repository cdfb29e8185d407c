import type { Case } from '../plan/case.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The stages cases go on the wire in (reports keep plan order): requests that must be refused first,
 * then safe reads, then writes, deletes last — so a served DELETE cannot remove what a later case
 * reads or writes. A stage starts only when the one before it has finished: with requests in
 * flight side by side, the first DELETE would otherwise race the last PUT.
 */
export function sendStages(cases: readonly Case[], include: (index: number) => boolean = () => true): number[][] {
  const rank = (c: Case) =>
    c.expect.outcome === 'reject' ? 0 : SAFE.has(c.request.method) ? 1 : c.request.method === 'DELETE' ? 3 : 2;
  const stages: number[][] = [[], [], [], []];
  cases.forEach((c, i) => {
    if (include(i)) stages[rank(c)]!.push(i);
  });
  return stages.filter((stage) => stage.length > 0);
}
