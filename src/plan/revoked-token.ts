import type { Endpoint, Manifest } from '../manifest/types.ts';
import type { PlannerOptions } from './plannerOptions.ts';
import type { Case } from './case.ts';
import { exampleInputs } from './inputs.ts';
import { caseIdentity, makeCase } from './makeCase.ts';
import { revoked } from './credentials.ts';
import { refusalOf } from './refusalRules.ts';

/**
 * The revoked-token suite: a token the run issued and then revoked, on an otherwise valid request,
 * so the only reason left to refuse it is the revocation. RFC 6750 §3.1: 401 with error="invalid_token".
 */
export function planRevokedToken(manifest: Manifest, endpoint: Endpoint, { seed: runSeed }: PlannerOptions): Case[] {
  if (endpoint.public) return [];
  const identity = caseIdentity(runSeed, endpoint, 'revoked-token', 'revoked bearer');
  return [
    makeCase(manifest, endpoint, 'revoked-token', 'revoked bearer', identity, {
      inputs: exampleInputs(endpoint, manifest, identity.seed).inputs,
      credential: revoked(manifest),
      expect: refusalOf(manifest, 'invalid-token', 'the token was revoked'),
    }),
  ];
}
