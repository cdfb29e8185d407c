import type { CaseResult } from './caseResult.ts';
import type { RotationProbe, RotationRecord } from './rotationRecord.ts';
import { parseChallenges } from '../checks/parseChallenges.ts';

/** Reads the drill's evidence off its results (already redacted); undefined when no drill ran. */
export function rotationRecordFrom(results: readonly CaseResult[]): RotationRecord | undefined {
  const drill = results.filter((r) => r.case.rotation !== undefined);
  if (drill.length === 0) return undefined;
  const step = (name: string) => drill.filter((r) => r.case.rotation === name);
  const probe = (r: CaseResult): RotationProbe => {
    const response = r.exchanges[0]?.response;
    const challenge = response?.headers['www-authenticate'];
    const error = challenge ? parseChallenges(challenge).find((c) => c.scheme.toLowerCase() === 'bearer')?.params.error : undefined;
    return { endpointId: r.case.endpointId, route: r.case.route, caseId: r.case.id, status: response?.status, challengeError: error, held: r.status === 'passed' };
  };
  const issued = step('issue-replacement')[0];
  const revoked = step('revoke-old')[0];
  const label = (note: string | undefined, pattern: RegExp) => note?.match(pattern)?.[1] ?? 'unknown';
  return {
    oldToken: label(issued?.note, /to replace (.+)$/),
    newToken: label(issued?.note, /^issued (.+?) holding/),
    issuedAt: issued?.at ?? '',
    validated: step('new-accepted-before').map(probe),
    revokedAt: revoked?.at ?? '',
    rejected: step('old-refused').map(probe),
    stillAccepted: step('new-accepted-after').map(probe),
    held: drill.every((r) => r.status === 'passed'),
  };
}
