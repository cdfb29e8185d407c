import type { Endpoint, Manifest } from '../manifest/types.ts';
import type { Case, RotationStep } from './case.ts';
import { exampleInputs } from './inputs.ts';
import { caseIdentity, makeCase } from './makeCase.ts';
import type { PlannerOptions } from './plannerOptions.ts';
import { acceptance } from './positive.ts';
import { rotation } from './credentials.ts';
import { refusalOf } from './refusalRules.ts';

const STEP_TITLES: Record<RotationStep, string> = {
  'issue-replacement': 'issue a replacement token',
  'new-accepted-before': 'replacement accepted before revocation',
  'revoke-old': 'revoke the old token',
  'old-refused': 'old token refused after revocation',
  'new-accepted-after': 'replacement still accepted after revocation',
};

/**
 * The rotation drill for one endpoint: the replacement is accepted, then — after the old token is
 * revoked — the old one is refused (401 invalid_token) and the replacement still accepted.
 * "Accepted" means any documented answer that is not a refusal: the drill proves authentication,
 * and its requests may meet resources an earlier step changed.
 */
export function planRotationProbes(manifest: Manifest, endpoint: Endpoint, { seed: runSeed }: PlannerOptions): Case[] {
  // Planned even when the provider cannot rotate: buildPlan then marks the drill not proven.
  if (endpoint.public) return [];
  const probe = (step: RotationStep, which: 'old' | 'new') => {
    const identity = caseIdentity(runSeed, endpoint, 'rotation', STEP_TITLES[step]);
    const c = makeCase(manifest, endpoint, 'rotation', STEP_TITLES[step], identity, {
      inputs: exampleInputs(endpoint, manifest, identity.seed).inputs,
      credential: rotation(manifest, which),
      expect:
        which === 'old'
          ? refusalOf(manifest, 'invalid-token', 'the old token was revoked in the rotation')
          : acceptance(endpoint, manifest, false),
    });
    return { ...c, rotation: step };
  };
  return [probe('new-accepted-before', 'new'), probe('old-refused', 'old'), probe('new-accepted-after', 'new')];
}

/** The drill's two token steps, which send no request of their own to an endpoint. */
export function planRotationActions(manifest: Manifest, runSeed: number): Case[] {
  if (manifest.endpoints.every((e) => e.public)) return [];
  const action = (step: 'issue-replacement' | 'revoke-old'): Case => {
    const id = `token-provider/rotation/${step}`;
    return {
      id,
      seed: runSeed,
      suite: 'rotation',
      endpointId: 'token-provider',
      route: 'token provider',
      variant: STEP_TITLES[step],
      title: `token provider › rotation › ${STEP_TITLES[step]}`,
      request: { method: 'POST', path: '', headers: {} },
      expect: { outcome: 'accept', statuses: [], reason: `the provider must ${STEP_TITLES[step]}` },
      repeat: false,
      rotation: step,
    };
  };
  return [action('issue-replacement'), action('revoke-old')];
}
