import type { ScopeMatrix } from '../run/scopeMatrix.ts';
import { matrixCells } from './matrixCells.ts';

const SYMBOL = { allow: 'allow', deny: 'deny', error: 'error' } as const;

/**
 * The scope matrix as plain-text rows: one row per endpoint, one column per catalogued scope.
 * A cell reads "allow" or "deny" as observed; a cell that differs from the manifest is marked
 * with "!" (over-permission: served though undocumented; under-permission: documented but refused).
 */
export function matrixTable(matrix: ScopeMatrix): string[] {
  if (matrix.cells.length === 0) return [];
  const routeWidth = Math.max(8, ...matrix.endpoints.map((e) => e.route.length));
  const widths = matrix.scopes.map((s) => Math.max(s.length, 7));
  const lines = [`${'endpoint'.padEnd(routeWidth)}  ${matrix.scopes.map((s, i) => s.padEnd(widths[i]!)).join('  ')}`];
  const cellAt = matrixCells(matrix.cells);
  for (const endpoint of matrix.endpoints) {
    const row = matrix.scopes.map((scope, i) => {
      const cell = cellAt(endpoint.id, scope);
      const text = cell ? `${SYMBOL[cell.observed]}${cell.drift === 'none' && cell.observed !== 'error' ? '' : '!'}` : '-';
      return text.padEnd(widths[i]!);
    });
    lines.push(`${endpoint.route.padEnd(routeWidth)}  ${row.join('  ')}`);
  }
  const drifted = matrix.cells.filter((c) => c.drift !== 'none');
  for (const c of drifted) lines.push(`! ${c.route} with ${c.scope}: ${c.drift} (documented ${c.expected}, observed ${c.observed}${c.status ? ` ${c.status}` : ''})`);
  return lines;
}
