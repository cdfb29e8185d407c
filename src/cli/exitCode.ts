import type { HardenErrorCode } from '../errors.ts';
import type { EvidenceDocument } from '../report/evidence.ts';
import type { RunSummary } from '../run/summarise.ts';

/** 0 all held · 1 findings, unanswered cases or baseline drift · 2 usage or manifest error · 3 target unreachable. */
export const EXIT = { held: 0, findings: 1, usage: 2, unreachable: 3 } as const;

/** The exit code of a finished run: a pure function of its results. */
export function exitCodeFor(summary: Pick<RunSummary, 'results'>): number {
  if (summary.results.some((r) => r.failure?.kind === 'connection-refused')) return EXIT.unreachable;
  // Only findings and unanswered cases fail the gate; a skipped case (if the run ever reports one) does not.
  return summary.results.some((r) => r.status === 'failed' || r.status === 'error') ? EXIT.findings : EXIT.held;
}

/** A run that held but drifted from its approved baseline fails the gate; worse codes stand. */
export function withDrift(code: number, driftItems: number): number {
  return code === EXIT.held && driftItems > 0 ? EXIT.findings : code;
}

/** The exit code of merged evidence: the same rule as a run, read off the recorded verdicts. */
export function exitCodeForEvidence(evidence: Pick<EvidenceDocument, 'cases' | 'baseline'>): number {
  if (evidence.cases.some((c) => c.failure?.kind === 'connection-refused')) return EXIT.unreachable;
  const code = evidence.cases.some((c) => c.verdict === 'failed' || c.verdict === 'error') ? EXIT.findings : EXIT.held;
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
