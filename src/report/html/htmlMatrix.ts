import type { EvidenceMatrix } from '../evidence.ts';
import { matrixCells } from '../matrixCells.ts';
import { plural } from '../plural.ts';
import { dataAttributes, html, type Html } from './escape.ts';

/**
 * The scope matrix as a coloured grid: a row per endpoint, a column per catalogued scope. Colour
 * is what the API did (allow, deny, error); the manifest's expectation is written under it; a
 * drifted cell gets the `drift` class and a red frame. Every cell carries its facts as data-*.
 */
export function htmlMatrix(matrix: EvidenceMatrix): Html {
  if (matrix.cells.length === 0) return html`<p>No scope cases in this run.</p>`;
  const head = html`<thead><tr><th>endpoint</th>${matrix.scopes.map((s) => html`<th scope="col">${s}</th>`)}</tr></thead>`;
  const cellAt = matrixCells(matrix.cells);
  const rows = matrix.endpoints.map((e) => {
    const cells = matrix.scopes.map((scope) => {
      const c = cellAt(e.id, scope);
      if (!c) return html`<td class="cell missing"${dataAttributes({ endpoint: e.id, scope })}>–</td>`;
      const classes = ['cell', `observed-${c.observed}`, `expected-${c.expected}`, ...(c.drift === 'none' ? [] : ['drift', c.drift])].join(' ');
      const status = c.status === null ? 'no response' : String(c.status);
      const title = `${e.route} with ${scope}: documented ${c.expected}, observed ${c.observed} (${status})${c.drift === 'none' ? '' : ` — ${c.drift}`}`;
      const data = dataAttributes({ endpoint: c.endpointId, scope, expected: c.expected, observed: c.observed, status: c.status ?? undefined, drift: c.drift, case: c.caseId });
      return html`<td class="${classes}"${data} title="${title}"><span class="obs">${c.observed} ${c.status ?? ''}</span><span class="exp">documented ${c.expected}</span></td>`;
    });
    return html`<tr${dataAttributes({ endpoint: e.id })}><th scope="row">${e.route}</th>${cells}</tr>`;
  });
  const drifted = matrix.cells.filter((c) => c.drift !== 'none').length;
  return html`<table class="matrix" id="scope-matrix"${dataAttributes({ drifted })}>${head}<tbody>${rows}</tbody></table>
<p class="legend"><span class="allow">allow</span><span class="deny">deny</span><span class="error">error</span><span class="drift">drift</span> colour: observed; small text: documented; ${plural(drifted, 'drifted cell')}.</p>`;
}
