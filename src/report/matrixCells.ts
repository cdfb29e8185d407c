/**
 * A scope matrix's cells indexed by endpoint and scope, built in one pass, so drawing the grid is
 * linear in its cells rather than a search of every cell per cell. Where two cells share an
 * endpoint and a scope, the first one counts (as a search from the start would find it).
 */
export function matrixCells<C extends { endpointId: string; scope: string }>(cells: readonly C[]): (endpointId: string, scope: string) => C | undefined {
  const byEndpoint = new Map<string, Map<string, C>>();
  for (const cell of cells) {
    let byScope = byEndpoint.get(cell.endpointId);
    if (!byScope) byEndpoint.set(cell.endpointId, (byScope = new Map()));
    if (!byScope.has(cell.scope)) byScope.set(cell.scope, cell);
  }
  return (endpointId, scope) => byEndpoint.get(endpointId)?.get(scope);
}
