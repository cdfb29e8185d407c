import type { Operation } from './listOperations.ts';

/** Manifest ids match `^[A-Za-z][A-Za-z0-9_.-]*$`; operationIds are free text ("repos/get", "get user"). */
export function sanitiseId(text: string): string {
  const cleaned = text
    .replace(/\//g, '.')
    .replace(/[^A-Za-z0-9_.-]+/g, '_')
    .replace(/^[^A-Za-z]+/, '');
  return cleaned.length > 0 ? cleaned : 'op';
}

/** `GET /orders/{id}` → `GET_orders_id`: the fallback for operations without an operationId. */
export function routeId(method: string, path: string): string {
  return sanitiseId(`${method}_${path.replace(/[{}]/g, '').replace(/\//g, '_')}`.replace(/_+/g, '_').replace(/_$/, ''));
}

/**
 * One endpoint id per operation: the sanitised operationId, else METHOD_path; a clash gets `_2`, `_3`…
 * in document order, so the same document always gives the same ids (case ids build on them).
 */
export function assignIds(operations: readonly Operation[]): string[] {
  const taken = new Set<string>();
  return operations.map(({ method, path, op }) => {
    const base = typeof op.operationId === 'string' && op.operationId.trim() !== '' ? sanitiseId(op.operationId) : routeId(method, path);
    let id = base;
    for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
    taken.add(id);
    return id;
  });
}
