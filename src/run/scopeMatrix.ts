import type { CaseResult } from './caseResult.ts';

/** One cell of the least-privilege matrix: a single-scope token on one endpoint. */
export interface ScopeMatrixCell {
  endpointId: string;
  route: string;
  scope: string;
  /** What the manifest documents: the scope grants the route, or it does not. */
  expected: 'allow' | 'deny';
  /** What the API did: served it, refused it, or gave no usable answer. */
  observed: 'allow' | 'deny' | 'error';
  status?: number;
  caseId: string;
  /** over-permission: documented deny, observed allow. under-permission: documented allow, observed deny (drift). */
  drift: 'none' | 'over-permission' | 'under-permission';
}

export interface ScopeMatrix {
  scopes: string[];
  endpoints: { id: string; route: string }[];
  cells: ScopeMatrixCell[];
}

/**
 * The matrix cell a judged case observed, or undefined when it carries none. Taken from each
 * result as it lands, so the run keeps a cell per matrix case rather than every result.
 */
export function matrixCell(r: Readonly<CaseResult>): ScopeMatrixCell | undefined {
  const cell = r.case.matrix;
  // A case that was not sent observed nothing: no cell rather than a guess.
  if (!cell || r.status === 'skipped') return undefined;
  const status = r.exchanges[0]?.response?.status;
  const observed = status === undefined || status >= 500 ? 'error' : status >= 200 && status < 300 ? 'allow' : status === 401 || status === 403 || (status >= 300 && status < 400) ? 'deny' : cell.expected === 'allow' ? 'allow' : 'deny';
  const drift = observed === 'allow' && cell.expected === 'deny' ? 'over-permission' : observed === 'deny' && cell.expected === 'allow' ? 'under-permission' : 'none';
  return { endpointId: r.case.endpointId, route: r.case.route, scope: cell.scope, expected: cell.expected, observed, status, caseId: r.case.id, drift };
}

/** The matrix from its cells, given in plan order. */
export function buildScopeMatrix(cells: readonly ScopeMatrixCell[], catalogue: readonly string[]): ScopeMatrix {
  const endpoints = new Map<string, string>();
  for (const cell of cells) endpoints.set(cell.endpointId, cell.route);
  return { scopes: [...catalogue], endpoints: [...endpoints].map(([id, route]) => ({ id, route })), cells: [...cells] };
}
