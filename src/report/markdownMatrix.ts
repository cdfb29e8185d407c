import type { EvidenceMatrix, EvidenceMatrixCell } from './evidence.ts';
import { mdTable } from './markdown.ts';
import { matrixCells } from './matrixCells.ts';
import { plural } from './plural.ts';

function cellText(cell: EvidenceMatrixCell | undefined): string {
  if (!cell) return '–';
  const status = cell.status === null ? '' : ` ${cell.status}`;
  if (cell.drift !== 'none') return `**⚠ ${cell.observed}${status}** (documented ${cell.expected}: ${cell.drift})`;
  if (cell.observed === 'error') return `⚠ error${status} (documented ${cell.expected})`;
  return `✓ ${cell.observed}`;
}

/**
 * The scope matrix as a Markdown table: a row per endpoint, a column per catalogued scope; a cell
 * shows what the API did, ticked when the manifest documents the same, bold with ⚠ when it drifted.
 */
export function markdownMatrix(matrix: EvidenceMatrix): string[] {
  if (matrix.cells.length === 0) return [];
  const cellAt = matrixCells(matrix.cells);
  const rows = matrix.endpoints.map((e) => [e.route, ...matrix.scopes.map((s) => cellText(cellAt(e.id, s)))]);
  const drifted = matrix.cells.filter((c) => c.drift !== 'none').length;
  return [
    ...mdTable(['endpoint', ...matrix.scopes], rows),
    '',
    `✓ observed as documented · **⚠** drift (over-permission: served though the manifest denies it; under-permission: refused though documented) · ${plural(drifted, 'drifted cell')}`,
  ];
}
