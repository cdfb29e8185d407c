import type { ImportWarning } from '../openapi/importOpenApi.ts';

/** One line per construct the import could not map: the operation, the construct, what happened. */
export function formatImportWarning(w: ImportWarning): string {
  return `warning: ${w.operation ? `${w.operation} ` : ''}[${w.construct}] ${w.message}`;
}
