import { challengeError } from './challengeError.ts';
import type { EvidenceCase } from './evidence.ts';

/** One line of proof that a revoked token is refused on an endpoint. */
export interface RevokedProofRow {
  endpointId: string;
  route: string;
  caseId: string;
  variant: string;
  status: number | null;
  /** null: no Bearer challenge; "": a challenge without an error code. */
  challengeError: string | null;
  verdict: EvidenceCase['verdict'];
}

/** A revoked-token case's answer as the reports show it. */
export function revokedProof(c: EvidenceCase): RevokedProofRow {
  return {
    endpointId: c.endpoint.id,
    route: c.endpoint.route,
    caseId: c.id,
    variant: c.variant,
    status: c.status,
    challengeError: challengeError(c.exchanges[0]?.response?.headers['www-authenticate']),
    verdict: c.verdict,
  };
}
