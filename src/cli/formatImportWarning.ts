import type { ImportWarning } from '../openapi/importOpenApi.ts';

/**
 * One line per construct the import could not map: the operation, the construct, what happened. A
 * `note:` narrows only what is checked; a `warning:` may make the operation's cases wrong.
 */
export function formatImportWarning(w: ImportWarning): string {
  return `${w.affects === 'coverage' ? 'note' : 'warning'}: ${w.operation ? `${w.operation} ` : ''}[${w.construct}] ${w.message}`;
}
