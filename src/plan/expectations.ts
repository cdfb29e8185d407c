import type { Manifest } from '../manifest/types.ts';
import type { ChallengeExpectation, Expectation } from './case.ts';
import { shared } from './shared.ts';

/** A refusal, built for one case: for reasons that name the case's own route or scope. */
export const refusal = (statuses: number[], reason: string, challenge?: ChallengeExpectation): Expectation => ({ outcome: 'reject', statuses, reason, challenge });

/**
 * A refusal whose reason is the same on every endpoint ("no credentials were sent"): one frozen
 * object per manifest, not one per case. `statuses` are the manifest's own arrays, left unfrozen.
 */
export function refused(manifest: Manifest, statuses: number[], reason: string, challenge?: ChallengeExpectation): Expectation {
  const key = `refused\n${reason}\n${statuses.join(',')}\n${challenge === undefined ? '-' : `${challenge.scheme} ${challenge.errors?.join(',') ?? '*'}`}`;
  return shared(manifest, key, () => Object.freeze(refusal(statuses, reason, challenge)));
}
