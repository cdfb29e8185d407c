import type { CheckId } from '../../src/checks/index.ts';
import type { SuiteId } from '../../src/plan/case.ts';
import { REFERENCE_JWT_MANIFEST, REFERENCE_MANIFEST } from '../harness.ts';

/** A check id, or `no-response` for a case the API never answered (an `error` verdict). */
export type Catcher = CheckId | 'no-response';

export interface Expected {
  /** Which manifest exercises it (JWT regressions need the jwt provider to forge tokens). */
  manifest: string;
  /** The suite and check that must catch it. */
  primary: [SuiteId, Catcher];
  /** Every suite and check allowed to report it: anything else is a finding unrelated to the regression. */
  suites: SuiteId[];
  checks: Catcher[];
}

const revocation = { suites: ['revoked-token', 'rotation'] as SuiteId[], checks: ['status'] as Catcher[] };
const refusalShape = ['error-content-type', 'error-schema', 'problem-status', 'www-authenticate'] as Catcher[];

/**
 * What the harness must say about each regression of the reference API: caught by `primary`,
 * and nothing outside `suites` × `checks`. The self-test holds the harness to this table.
 */
export const EXPECTED: Record<string, Expected> = {
  'revoked-token-accepted': { manifest: REFERENCE_MANIFEST, primary: ['revoked-token', 'status'], ...revocation },
  'revoked-token-accepted-one-route': { manifest: REFERENCE_MANIFEST, primary: ['revoked-token', 'status'], ...revocation },
  'revoked-token-accepted-one-method': { manifest: REFERENCE_MANIFEST, primary: ['revoked-token', 'status'], ...revocation },
  'expired-jwt-accepted': { manifest: REFERENCE_JWT_MANIFEST, primary: ['unauthorized', 'status'], suites: ['unauthorized'], checks: ['status'] },
  'alg-none-accepted': { manifest: REFERENCE_JWT_MANIFEST, primary: ['unauthorized', 'status'], suites: ['unauthorized'], checks: ['status'] },
  'jwt-signature-not-verified': { manifest: REFERENCE_JWT_MANIFEST, primary: ['unauthorized', 'status'], suites: ['unauthorized'], checks: ['status'] },
  'no-auth-on-route': { manifest: REFERENCE_MANIFEST, primary: ['unauthorized', 'status'], suites: ['unauthorized', 'revoked-token', 'malformed', 'rotation'], checks: ['status'] },
  'write-accepts-read-scope': { manifest: REFERENCE_MANIFEST, primary: ['unauthorized', 'status'], suites: ['unauthorized'], checks: ['status'] },
  'admin-accepts-any-token': { manifest: REFERENCE_MANIFEST, primary: ['unauthorized', 'status'], suites: ['unauthorized'], checks: ['status'] },
  'documented-scope-rejected': { manifest: REFERENCE_MANIFEST, primary: ['positive', 'status'], suites: ['positive', 'unauthorized', 'malformed'], checks: ['status', ...refusalShape] },
  'broken-json-500': { manifest: REFERENCE_MANIFEST, primary: ['malformed', 'no-server-error'], suites: ['malformed'], checks: ['no-server-error', ...refusalShape] },
  'broken-json-hang': { manifest: REFERENCE_MANIFEST, primary: ['malformed', 'no-response'], suites: ['malformed'], checks: ['no-response'] },
  'html-error-page': { manifest: REFERENCE_MANIFEST, primary: ['unauthorized', 'error-content-type'], suites: ['positive', 'revoked-token', 'unauthorized', 'malformed', 'rotation'], checks: ['error-content-type', 'error-schema'] },
  'plain-401-no-challenge': { manifest: REFERENCE_MANIFEST, primary: ['unauthorized', 'www-authenticate'], suites: ['revoked-token', 'unauthorized', 'malformed', 'rotation'], checks: ['www-authenticate', 'error-content-type', 'error-schema'] },
  'stack-trace-in-detail': { manifest: REFERENCE_MANIFEST, primary: ['malformed', 'no-leak'], suites: ['malformed', 'unauthorized'], checks: ['no-leak'] },
  'token-echoed-in-error': { manifest: REFERENCE_MANIFEST, primary: ['revoked-token', 'no-leak'], suites: ['revoked-token', 'malformed', 'unauthorized', 'rotation'], checks: ['no-leak'] },
  'timestamp-in-error': { manifest: REFERENCE_MANIFEST, primary: ['unauthorized', 'deterministic'], suites: ['positive', 'revoked-token', 'unauthorized', 'malformed', 'rotation'], checks: ['deterministic'] },
  'validation-before-auth': { manifest: REFERENCE_MANIFEST, primary: ['unauthorized', 'status'], suites: ['unauthorized'], checks: ['status', 'www-authenticate'] },
  'existence-leak-404': { manifest: REFERENCE_MANIFEST, primary: ['unauthorized', 'status'], suites: ['unauthorized', 'revoked-token', 'malformed', 'rotation'], checks: ['status', 'www-authenticate'] },
  // A bare "Bearer" is missing credentials to most servers, so the malformed-header property meets these too.
  'forbidden-instead-of-unauthorized': { manifest: REFERENCE_MANIFEST, primary: ['unauthorized', 'status'], suites: ['unauthorized', 'malformed'], checks: ['status', 'www-authenticate'] },
  'unauthorized-instead-of-forbidden': { manifest: REFERENCE_MANIFEST, primary: ['unauthorized', 'status'], suites: ['unauthorized'], checks: ['status', 'www-authenticate'] },
  'wrong-status-member': { manifest: REFERENCE_MANIFEST, primary: ['unauthorized', 'problem-status'], suites: ['positive', 'revoked-token', 'unauthorized', 'malformed', 'rotation'], checks: ['problem-status'] },
  'error-with-200': { manifest: REFERENCE_MANIFEST, primary: ['unauthorized', 'status'], suites: ['unauthorized'], checks: ['status'] },
  // The invalid orders it stores then break the Order schema wherever they are read back (the unauthorized suite's CORS and method-override cases read with a live token).
  'accepts-invalid-body': { manifest: REFERENCE_MANIFEST, primary: ['malformed', 'status'], suites: ['malformed', 'positive', 'rotation', 'unauthorized'], checks: ['status', 'response-schema'] },
  'limit-unvalidated': { manifest: REFERENCE_MANIFEST, primary: ['malformed', 'status'], suites: ['malformed'], checks: ['status', 'response-schema'] },
  'audit-reason-unchecked': { manifest: REFERENCE_MANIFEST, primary: ['malformed', 'status'], suites: ['malformed'], checks: ['status', 'response-schema'] },
  'token-in-query-accepted': { manifest: REFERENCE_MANIFEST, primary: ['unauthorized', 'status'], suites: ['unauthorized'], checks: ['status'] },
  'redirect-to-login': { manifest: REFERENCE_MANIFEST, primary: ['unauthorized', 'status'], suites: ['unauthorized', 'malformed'], checks: ['status'] },
  // Rare inputs: any suite that sends a generated valid body may meet them, the rotation drill's probes included.
  // The hostile-values property sends non-ASCII text (lone surrogates, NUL) inside valid bodies too.
  'non-ascii-500': { manifest: REFERENCE_MANIFEST, primary: ['positive', 'no-server-error'], suites: ['positive', 'rotation', 'revoked-token', 'malformed'], checks: ['no-server-error'] },
  'large-quantity-500': { manifest: REFERENCE_MANIFEST, primary: ['positive', 'no-server-error'], suites: ['positive', 'rotation', 'revoked-token'], checks: ['no-server-error'] },
  // Only the malformed suite sends a hostile value nested in a body, or a charset in Content-Type.
  'deep-field-crash': { manifest: REFERENCE_MANIFEST, primary: ['malformed', 'no-server-error'], suites: ['malformed'], checks: ['no-server-error'] },
  'charset-crash': { manifest: REFERENCE_MANIFEST, primary: ['malformed', 'no-server-error'], suites: ['malformed'], checks: ['no-server-error'] },
  // The headers are on every answer, so every suite that sends a request reports them.
  'server-version-header': { manifest: REFERENCE_MANIFEST, primary: ['unauthorized', 'no-leak'], suites: ['positive', 'revoked-token', 'unauthorized', 'malformed', 'rotation'], checks: ['no-leak'] },
  // Only the tampering cases send a token a live one is a prefix of.
  'token-prefix-match': { manifest: REFERENCE_MANIFEST, primary: ['unauthorized', 'status'], suites: ['unauthorized'], checks: ['status'] },
  // Only the path-variant cases send a trailing slash.
  'trailing-slash-bypass': { manifest: REFERENCE_MANIFEST, primary: ['unauthorized', 'status'], suites: ['unauthorized'], checks: ['status'] },
  // Only the CORS cases send an Origin.
  'cors-reflect-any-origin': { manifest: REFERENCE_MANIFEST, primary: ['unauthorized', 'cors'], suites: ['unauthorized'], checks: ['cors'] },
};
