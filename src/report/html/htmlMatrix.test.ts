import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EvidenceMatrix } from '../evidence.ts';
import { markdownMatrix } from '../markdownMatrix.ts';
import { matrixFixture } from '../test-support.ts';
import { htmlMatrix } from './htmlMatrix.ts';

const before = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Cells that refuse to be searched: only an index built in one pass can draw the grid. */
function unsearchable(matrix: EvidenceMatrix): EvidenceMatrix {
  const cells = [...matrix.cells];
  for (const method of ['find', 'findIndex', 'findLast', 'some', 'indexOf']) {
    Object.defineProperty(cells, method, { value: () => { throw new Error(`the matrix searched its cells (${method})`); } });
  }
  return { ...matrix, cells };
}

describe('the scope matrix, indexed by endpoint and scope', () => {
  it('draws the same grid as the linear search it replaces (output captured before the change)', () => {
    expect(`${htmlMatrix(matrixFixture()).toString()}\n`).toBe(before('matrix.before.html'));
    expect(`${markdownMatrix(matrixFixture()).join('\n')}\n`).toBe(before('matrix.before.md'));
  });

  it('never searches the cells per cell', () => {
    expect(htmlMatrix(unsearchable(matrixFixture())).toString()).toBe(htmlMatrix(matrixFixture()).toString());
    expect(markdownMatrix(unsearchable(matrixFixture()))).toEqual(markdownMatrix(matrixFixture()));
  });

  it('draws a large grid (400 endpoints × 50 scopes) without a search', () => {
    const scopes = Array.from({ length: 50 }, (_, i) => `s${i}`);
    const endpoints = Array.from({ length: 400 }, (_, i) => ({ id: `e${i}`, route: `GET /r${i}` }));
    const cells = endpoints.flatMap((e) => scopes.map((scope) => ({ endpointId: e.id, route: e.route, scope, expected: 'deny' as const, observed: 'deny' as const, status: 403, caseId: `${e.id}/${scope}`, drift: 'none' as const })));
    const text = htmlMatrix(unsearchable({ scopes, endpoints, cells })).toString();
    expect(text.match(/<td /g)).toHaveLength(20_000);
  });
});
