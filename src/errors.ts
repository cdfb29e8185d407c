/** Where a problem sits in a user's input: a file, a position in it and a JSON pointer. */
export interface SourceLocation {
  file?: string;
  line?: number;
  column?: number;
  pointer?: string;
}

/** Codes of the harness's own faults; the CLI maps each to an exit code in one place. */
export type HardenErrorCode =
  | 'MANIFEST_INVALID'
  | 'OPTION_INVALID'
  | 'TARGET_REFUSED'
  | 'TARGET_UNREACHABLE'
  | 'TOKEN_PROVIDER_FAILED'
  | 'REPORT_WRITE_FAILED';

/** One located problem, e.g. one schema violation of a manifest. */
export interface Problem {
  message: string;
  location: SourceLocation;
  hint?: string;
}

/** The harness's own fault: typed by code, with every located problem it found. */
export class HardenError extends Error {
  readonly code: HardenErrorCode;
  readonly problems: readonly Problem[];

  constructor(code: HardenErrorCode, message: string, options: { problems?: Problem[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'HardenError';
    this.code = code;
    this.problems = options.problems ?? [];
  }
}

/** `file:line:column pointer` — the form editors and CI annotations understand. */
export function formatLocation(location: SourceLocation): string {
  const parts: string[] = [];
  if (location.file) {
    let at = location.file;
    if (location.line !== undefined) at += `:${location.line}`;
    if (location.line !== undefined && location.column !== undefined) at += `:${location.column}`;
    parts.push(at);
  }
  if (location.pointer !== undefined) parts.push(`at ${location.pointer === '' ? '/' : location.pointer}`);
  return parts.join(' ');
}

/** Human text for a HardenError: the headline, then one line per located problem. */
export function formatHardenError(error: HardenError): string {
  const lines = [error.message];
  for (const problem of error.problems) {
    const where = formatLocation(problem.location);
    lines.push(`  ${where ? `${where}: ` : ''}${problem.message}${problem.hint ? ` (${problem.hint})` : ''}`);
  }
  return lines.join('\n');
}
