/** 0 all held · 1 findings, unanswered cases, missing required proof or baseline drift · 2 usage or manifest error · 3 target unreachable or run incomplete. */
export const EXIT = { held: 0, findings: 1, usage: 2, unreachable: 3 } as const;

/** The one-word verdict every output leads with. */
export type Headline = 'PASS' | 'FAIL' | 'INCOMPLETE';

/** What the gate decides on: counts and completeness, read off a run's summary or its evidence alike. */
export interface GateFacts {
  failed: number;
  errors: number;
  /** Cases not sent because the target refused the connection (it went down). */
  refused: number;
  /** The run did not reach every case (interrupted). */
  incomplete: boolean;
  /** Not-proven cases in suites the gate requires proof of (--require, gate.require). */
  unprovenRequired: number;
  /** Cases that drifted from an approved baseline (0 when the run approves them). */
  drift: number;
}

/**
 * The gate's decision: a pure function of the facts, shared by `harden run`, `replay` and `merge`,
 * and by every report's headline, so that none of them can disagree. A run that did not reach every
 * case proved nothing about the rest: it is INCOMPLETE (exit 3), never a PASS, whatever it found.
 */
export function gateVerdict(facts: GateFacts): { code: number; headline: Headline } {
  if (facts.refused > 0 || facts.incomplete) return { code: EXIT.unreachable, headline: 'INCOMPLETE' };
  if (facts.failed + facts.errors + facts.unprovenRequired + facts.drift > 0) return { code: EXIT.findings, headline: 'FAIL' };
  return { code: EXIT.held, headline: 'PASS' };
}
