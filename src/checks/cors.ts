import type { Cors } from '../manifest/types.ts';
import { defineCheck } from './check.ts';

/** Without a `cors` section no origin is allowed: a public API may still answer `*` without credentials. */
const NONE: Cors = Object.freeze({ allowedOrigins: Object.freeze([]) as unknown as string[], credentials: false });
/** Methods a browser may send cross-origin without a preflight granting them (Fetch standard, "CORS-safelisted method"). */
const SAFELISTED = new Set(['GET', 'HEAD', 'POST']);

/**
 * Cross-origin access only where the manifest allows it (Fetch standard, CORS protocol). Read on every
 * answer to a request that carried an `Origin`: a foreign origin — one `cors.allowedOrigins` does not
 * list, `null` included — reflected with `Access-Control-Allow-Credentials: true` lets any site read
 * the API with the user's credentials; `*` with credentials shows the same intent (browsers refuse
 * the pair); a preflight granting a state-changing method to a foreign origin lets any site send it.
 */
export const corsCheck = defineCheck({
  id: 'cors',
  title: 'Cross-origin access only for allowed origins',
  run({ case: c, responses }) {
    const origin = c.request.headers.origin;
    const response = responses[0];
    if (origin === undefined || response === undefined) return [];
    const policy = c.expect.cors ?? NONE;
    const allowOrigin = response.headers['access-control-allow-origin']?.trim();
    if (allowOrigin === undefined) return [];
    // Fetch: only the exact, case-sensitive value `true` grants credentials.
    const credentials = response.headers['access-control-allow-credentials']?.trim() === 'true';
    const allowed = policy.allowedOrigins.includes(origin.toLowerCase());
    const findings: { code: 'CORS_ORIGIN_REFLECTED' | 'CORS_WILDCARD_WITH_CREDENTIALS' | 'CORS_PREFLIGHT_GRANTS_ANY_ORIGIN'; message: string }[] = [];
    if (allowOrigin === '*' && credentials) {
      findings.push({ code: 'CORS_WILDCARD_WITH_CREDENTIALS', message: `Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true, asked from ${origin}` });
    } else if (allowOrigin === origin && credentials && !(allowed && policy.credentials)) {
      findings.push({
        code: 'CORS_ORIGIN_REFLECTED',
        message: `the origin ${origin} is ${allowed ? 'allowed without credentials (cors.credentials is false), yet granted them' : 'not in cors.allowedOrigins, yet reflected'} with Access-Control-Allow-Credentials: true`,
      });
    }
    const requested = c.request.headers['access-control-request-method'];
    const grantsOrigin = allowOrigin === '*' || allowOrigin === origin;
    if (c.request.method === 'OPTIONS' && requested !== undefined && !SAFELISTED.has(requested) && grantsOrigin && !allowed && response.status < 300) {
      // Fetch: methods are matched byte for byte; `*` is a wildcard only for requests without credentials.
      const methods = (response.headers['access-control-allow-methods'] ?? '').split(',').map((m) => m.trim());
      if (methods.includes(requested) || (methods.includes('*') && !credentials)) {
        findings.push({ code: 'CORS_PREFLIGHT_GRANTS_ANY_ORIGIN', message: `the preflight from ${origin} for ${requested} is granted (Access-Control-Allow-Methods: ${response.headers['access-control-allow-methods']})` });
      }
    }
    return findings;
  },
});
