import type { Endpoint, Manifest } from '../manifest/types.ts';
import type { PlannerOptions } from './plannerOptions.ts';
import type { Case } from './case.ts';
import { exampleInputs } from './inputs.ts';
import { caseIdentity, makeCase } from './makeCase.ts';
import { expired, revoked } from './credentials.ts';
import { refusalOf } from './refusalRules.ts';

/**
 * The revoked-token suite: a token the run issued and then revoked, on an otherwise valid request,
 * so the only reason left to refuse it is the revocation; and, where the provider knows when its
 * tokens expire, one the run let expire. RFC 6750 §3.1: 401 with error="invalid_token".
 */
export function planRevokedToken(manifest: Manifest, endpoint: Endpoint, { seed: runSeed }: PlannerOptions): Case[] {
  if (endpoint.public) return [];
  const identity = caseIdentity(runSeed, endpoint, 'revoked-token', 'revoked bearer');
  const cases = [
    makeCase(manifest, endpoint, 'revoked-token', 'revoked bearer', identity, {
      inputs: exampleInputs(endpoint, manifest, identity.seed).inputs,
      credential: revoked(manifest),
      expect: refusalOf(manifest, 'invalid-token', 'the token was revoked'),
    }),
  ];
  // The oauth2 provider learns when its tokens expire (RFC 6749 §5.1 expires_in); the jwt provider's
  // forged `expired` token proves expiry locally, and other providers cannot tell.
  if (manifest.auth.tokens.provider === 'oauth2') {
    const expiry = caseIdentity(runSeed, endpoint, 'revoked-token', 'expired token');
    cases.push(
      makeCase(manifest, endpoint, 'revoked-token', 'expired token', expiry, {
        inputs: exampleInputs(endpoint, manifest, expiry.seed).inputs,
        credential: expired(manifest),
        expect: refusalOf(manifest, 'invalid-token', 'the token expired (its expires_in passed)'),
      }),
    );
  }
  return cases;
}
