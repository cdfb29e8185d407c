import type { HardenErrorCode } from '../errors.ts';
import { NOT_HELD } from '../report/caseSource.ts';
import type { Evidence } from '../report/evidence.ts';
import type { RunSummary } from '../run/summarise.ts';

/** 0 all held · 1 findings, unanswered cases or baseline drift · 2 usage or manifest error · 3 target unreachable. */
export const EXIT = { held: 0, findings: 1, usage: 2, unreachable: 3 } as const;

/** The exit code of a finished run: a pure function of its counts. */
export function exitCodeFor(summary: Pick<RunSummary, 'refused' | 'totals'>): number {
  if (summary.refused > 0) return EXIT.unreachable;
  // Only findings and unanswered cases fail the gate; a skipped case does not.
  return summary.totals.failed + summary.totals.errors > 0 ? EXIT.findings : EXIT.held;
}

/** A run that held but drifted from its approved baseline fails the gate; worse codes stand. */
export function withDrift(code: number, driftItems: number): number {
  return code === EXIT.held && driftItems > 0 ? EXIT.findings : code;
}

/** The exit code of merged evidence: the same rule as a run, read off the recorded verdicts. */
export function exitCodeForEvidence(evidence: Pick<Evidence, 'cases' | 'baseline'>): number {
  const notHeld = [...evidence.cases.read({ verdicts: NOT_HELD })];
  if (notHeld.some((c) => c.failure?.kind === 'connection-refused')) return EXIT.unreachable;
  const code = notHeld.length > 0 ? EXIT.findings : EXIT.held;
  return withDrift(code, evidence.baseline?.drift.length ?? 0);
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
