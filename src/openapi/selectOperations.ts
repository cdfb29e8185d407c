import { suggest } from '../manifest/suggest.ts';
import type { ImportWarning } from './importOpenApi.ts';
import type { Operation } from './listOperations.ts';
import type { LoadedOverlay } from './readOverlay.ts';

type Scalar = string | number | boolean;

/** An operation the manifest keeps, with its endpoint id and the overlay's example values for it. */
export interface Selected {
  operation: Operation;
  id: string;
  examples: Record<string, Scalar>;
  /** The overlay's body for this operation, when it gives one. */
  body?: { value: unknown };
}

/** The names an overlay may use for an operation: its operationId, its endpoint id, or "METHOD /path". */
function namesOf(operation: Operation, id: string): string[] {
  const opId = typeof operation.op.operationId === 'string' ? [operation.op.operationId] : [];
  return [...opId, id, operation.label];
}

/**
 * Applies the overlay's `exclude` and `examples` to the document's operations. A name that matches
 * no operation is a warning (with the closest name): a stale entry must not stop a run, but a typo
 * in `exclude` must not go unnoticed either.
 */
export function selectOperations(operations: readonly Operation[], ids: readonly string[], overlay: LoadedOverlay | undefined, warn: (w: ImportWarning) => void): Selected[] {
  const byName = new Map<string, number>();
  operations.forEach((op, i) => namesOf(op, ids[i]!).forEach((name) => byName.set(name, byName.get(name) ?? i)));
  const known = [...byName.keys()];
  const unknown = (key: 'exclude' | 'examples' | 'bodies', name: string, at: string) => {
    const close = suggest(name, known);
    const where = overlay?.locate(at, key !== 'exclude');
    const place = where ? `${where.file}${where.line === undefined ? '' : `:${where.line}:${where.column}`} at ${at}` : at;
    warn({ construct: 'overlay', message: `${place}: ${key} names "${name}", which is no operation of the document${close ? `; did you mean "${close}"?` : '; it is ignored.'}` });
  };

  const excluded = new Set<number>();
  for (const [i, name] of (overlay?.value.exclude ?? []).entries()) {
    const index = byName.get(name);
    if (index === undefined) unknown('exclude', name, `/exclude/${i}`);
    else excluded.add(index);
  }
  const examples = new Map<number, Record<string, Scalar>>();
  for (const [name, values] of Object.entries(overlay?.value.examples ?? {})) {
    const index = byName.get(name);
    if (index === undefined) unknown('examples', name, `/examples/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    else examples.set(index, { ...examples.get(index), ...values });
  }
  const bodies = new Map<number, { value: unknown }>();
  for (const [name, value] of Object.entries(overlay?.value.bodies ?? {})) {
    const index = byName.get(name);
    if (index === undefined) unknown('bodies', name, `/bodies/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    else bodies.set(index, { value });
  }
  return operations.flatMap((operation, i) => (excluded.has(i) ? [] : [{ operation, id: ids[i]!, examples: examples.get(i) ?? {}, ...(bodies.has(i) ? { body: bodies.get(i) } : {}) }]));
}
