import type { RotationStep } from '../plan/case.ts';
import type { CaseResult } from './caseResult.ts';
import type { RotationProbe, RotationRecord } from './rotationRecord.ts';
import { parseChallenges } from '../checks/parseChallenges.ts';

/** What one step of the drill showed: enough for the record, without the result's exchanges. */
export interface RotationObservation {
  step: RotationStep;
  probe: RotationProbe;
  note?: string;
  at?: string;
}

/** The drill's part of a judged case (already redacted); undefined for cases outside the drill. */
export function rotationObservation(r: Readonly<CaseResult>): RotationObservation | undefined {
  if (r.case.rotation === undefined) return undefined;
  const response = r.exchanges[0]?.response;
  const challenge = response?.headers['www-authenticate'];
  const error = challenge ? parseChallenges(challenge).find((c) => c.scheme.toLowerCase() === 'bearer')?.params.error : undefined;
  const probe: RotationProbe = { endpointId: r.case.endpointId, route: r.case.route, caseId: r.case.id, status: response?.status, challengeError: error, held: r.status === 'passed' };
  return { step: r.case.rotation, probe, note: r.note, at: r.at };
}

/** The drill's evidence from its observations, given in plan order; undefined when no drill ran. */
export function rotationRecordFrom(drill: readonly RotationObservation[]): RotationRecord | undefined {
  if (drill.length === 0) return undefined;
  const step = (name: RotationStep) => drill.filter((o) => o.step === name);
  const issued = step('issue-replacement')[0];
  const revoked = step('revoke-old')[0];
  const label = (note: string | undefined, pattern: RegExp) => note?.match(pattern)?.[1] ?? 'unknown';
  return {
    oldToken: label(issued?.note, /to replace (.+)$/),
    newToken: label(issued?.note, /^issued (.+?) holding/),
    issuedAt: issued?.at ?? '',
    validated: step('new-accepted-before').map((o) => o.probe),
    revokedAt: revoked?.at ?? '',
    rejected: step('old-refused').map((o) => o.probe),
    stillAccepted: step('new-accepted-after').map((o) => o.probe),
    held: drill.every((o) => o.probe.held),
  };
}
