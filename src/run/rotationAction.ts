import { HardenError } from '../errors.ts';
import type { Case } from '../plan/case.ts';
import type { TokenProvider } from '../tokens/provider.ts';
import type { TokenSet } from '../tokens/tokenSet.ts';
import type { Redactor } from '../transport/redactor.ts';
import type { CaseResult } from './caseResult.ts';

/**
 * Performs one of the rotation drill's token steps through the provider: issue the replacement,
 * or revoke the old token. A provider failure is an `error` verdict: the drill could not be proven.
 */
export async function rotationAction(c: Case, provider: TokenProvider, tokens: TokenSet, catalogue: string[], redactor: Redactor): Promise<CaseResult> {
  const started = performance.now();
  const at = new Date().toISOString();
  const done = (note: string, failure?: string): CaseResult => ({
    case: c,
    status: failure ? 'error' : 'passed',
    findings: [],
    exchanges: [],
    failure: failure ? { kind: 'other', code: 'TOKEN_PROVIDER_FAILED', message: redactor.redact(failure) } : undefined,
    durationMs: performance.now() - started,
    note: redactor.redact(note),
    at,
  });
  const rotation = tokens.rotation;
  if (!rotation) return done('', 'no rotation tokens were acquired');
  try {
    if (c.rotation === 'issue-replacement') {
      rotation.replacement = await provider.issue(catalogue);
      redactor.add(rotation.replacement.value, `${rotation.replacement.label} (rotation: replacement)`);
      return done(`issued ${rotation.replacement.label} holding [${catalogue.join(' ')}] to replace ${rotation.old.label}`);
    }
    await provider.revoke(rotation.old);
    return done(`revoked ${rotation.old.label}`);
  } catch (error) {
    return done('', error instanceof HardenError ? error.message : String(error));
  }
}
