import type { HardenErrorCode } from '../errors.ts';
import type { RunSummary } from '../run/summarise.ts';

/** 0 all held · 1 findings or unanswered cases · 2 usage or manifest error · 3 target unreachable. */
export const EXIT = { held: 0, findings: 1, usage: 2, unreachable: 3 } as const;

/** The exit code of a finished run: a pure function of its results. */
export function exitCodeFor(summary: Pick<RunSummary, 'results'>): number {
  if (summary.results.some((r) => r.failure?.kind === 'connection-refused')) return EXIT.unreachable;
  return summary.results.some((r) => r.status !== 'passed') ? EXIT.findings : EXIT.held;
}

/** The exit code for a fault of the harness, its input or its target. */
export function exitCodeForError(code: HardenErrorCode): number {
  switch (code) {
    case 'MANIFEST_INVALID':
    case 'OPTION_INVALID':
    case 'TARGET_REFUSED':
      return EXIT.usage;
    case 'TARGET_UNREACHABLE':
    case 'TOKEN_PROVIDER_FAILED':
    case 'REPORT_WRITE_FAILED':
      return EXIT.unreachable;
  }
}
