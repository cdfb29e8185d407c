import type { Evidence, EvidenceCase, Verdict } from '../report/evidence.ts';
import { challengeError } from '../report/challengeError.ts';

/** Current format of baseline files; a reader refuses any other. */
export const BASELINE_FORMAT = 1;

/** What a case did, reduced to the facts that must not change without approval. */
export interface BaselineCase {
  id: string;
  title: string;
  suite: string;
  endpointId: string;
  verdict: Verdict;
  status: number | null;
  /** The error body's `type` (RFC 9457) or `code`/`error` member; `no-response:<kind>` when nothing answered. */
  errorType: string | null;
  /** See challengeError(): null no Bearer challenge, "" one without an error code. */
  challengeError: string | null;
  /**
   * Checks with findings, sorted. The checks that passed are every other check that ran: storing
   * failures rather than passes keeps a baseline valid when a new check is added to the registry.
   */
  failedChecks: string[];
}

export interface Baseline {
  format: typeof BASELINE_FORMAT;
  service: string;
  seed: number;
  manifestSha256: string;
  /** When the approved run started, to tell baselines apart in review. */
  approvedRun: string;
  /** Sorted by id. */
  cases: BaselineCase[];
}

function errorType(c: EvidenceCase): string | null {
  if (c.failure) return `no-response:${c.failure.kind}`;
  const text = c.exchanges[0]?.response?.body?.text;
  if (c.status === null || c.status < 400 || !text) return null;
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null) return null;
    const member = ['type', 'code', 'error'].map((k) => (body as Record<string, unknown>)[k]).find((v) => typeof v === 'string');
    return (member as string | undefined) ?? null;
  } catch {
    return null;
  }
}

/** The baseline facts of one evidence case. */
export function observeCase(c: EvidenceCase): BaselineCase {
  return {
    id: c.id,
    title: c.title,
    suite: c.suite,
    endpointId: c.endpoint.id,
    verdict: c.verdict,
    status: c.status,
    errorType: errorType(c),
    challengeError: challengeError(c.exchanges[0]?.response?.headers['www-authenticate']),
    failedChecks: [...new Set(c.findings.map((f) => f.check))].sort(),
  };
}

/** A baseline approving everything an evidence document observed. */
export function baselineFromEvidence(evidence: Evidence): Baseline {
  return {
    format: BASELINE_FORMAT,
    service: evidence.run.service,
    seed: evidence.run.seed,
    manifestSha256: evidence.manifest.sha256,
    approvedRun: evidence.run.startedAt,
    cases: Array.from(evidence.cases.read(), observeCase).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}
