/** Every finding code with its human text: reports and docs read this one table. */
export const FINDING_CODES = {
  REFUSAL_EXPECTED: { severity: 'high', title: 'A request that had to be refused was served', remedy: 'Check authentication and authorization on this route.' },
  STATUS_UNEXPECTED: { severity: 'medium', title: 'The status is not the one the contract requires', remedy: 'Return the status the manifest documents for this kind of refusal.' },
  REDIRECTED: { severity: 'medium', title: 'A redirect where an API answer was due', remedy: 'APIs answer 401/403 with a challenge; never redirect a client to a login page.' },
  CREDENTIAL_REJECTED: { severity: 'high', title: 'A sufficient token was refused', remedy: 'Check the token provider, or the scopes the manifest documents for this route (documentation drift).' },
  STATUS_UNDOCUMENTED: { severity: 'low', title: 'The API answered a status the manifest does not document', remedy: 'Document the status in the manifest or fix the route.' },
  SERVER_ERROR: { severity: 'high', title: 'The API failed with a 5xx', remedy: 'A client input must never crash the server; validate and answer 4xx.' },
  ERROR_CONTENT_TYPE: { severity: 'medium', title: 'The error has the wrong content type', remedy: 'Send errors with the contract content type (RFC 9457: application/problem+json).' },
  ERROR_BODY_NOT_JSON: { severity: 'medium', title: 'The error body is not JSON', remedy: 'Send a structured error body.' },
  ERROR_SCHEMA_MISMATCH: { severity: 'medium', title: 'The error body breaks the error schema', remedy: 'Make every error body match the manifest error schema.' },
  PROBLEM_STATUS_MISMATCH: { severity: 'medium', title: 'The error body status differs from the HTTP status', remedy: 'RFC 9457 §3.1.2: the status member must equal the HTTP status.' },
  CHALLENGE_MISSING: { severity: 'medium', title: 'No WWW-Authenticate challenge', remedy: 'RFC 6750 §3 / RFC 9110 §11.6.1: a 401 (and a scope refusal) carries WWW-Authenticate: Bearer.' },
  CHALLENGE_SCHEME_MISSING: { severity: 'medium', title: 'The challenge does not offer the Bearer scheme', remedy: 'Challenge with the scheme the API accepts (RFC 6750 §3).' },
  CHALLENGE_ERROR_UNEXPECTED: { severity: 'low', title: 'The challenge has the wrong error code', remedy: 'RFC 6750 §3.1: no code without credentials, invalid_token for bad tokens, insufficient_scope for missing scopes.' },
  NONDETERMINISTIC_STATUS: { severity: 'medium', title: 'The same request got two different statuses', remedy: 'Errors must be deterministic; find the state or race behind it.' },
  NONDETERMINISTIC_BODY: { severity: 'low', title: 'The same request got two different error bodies', remedy: 'Move varying members (ids, timestamps) into members the manifest declares volatile, or drop them.' },
  LEAK_STACK_TRACE: { severity: 'high', title: 'A stack trace leaked', remedy: 'Log internals server-side; answer with a generic detail.' },
  LEAK_FILE_PATH: { severity: 'medium', title: 'A server file path leaked', remedy: 'Log internals server-side; answer with a generic detail.' },
  LEAK_SQL: { severity: 'high', title: 'A database error leaked', remedy: 'Log internals server-side; answer with a generic detail.' },
  LEAK_SECRET: { severity: 'high', title: 'A credential was echoed back', remedy: 'Never echo tokens or secrets in responses; they end up in logs and reports.' },
  LEAK_SERVER_VERSION: { severity: 'low', title: 'A header names server software with its version', remedy: 'RFC 9110 §10.2.4: leave versions out of Server, X-Powered-By and the like (they point at known vulnerabilities), or list the header in the manifest under disclosure.allowHeaders.' },
  RESPONSE_NOT_JSON: { severity: 'medium', title: 'A documented JSON response is not JSON', remedy: 'Send the documented body.' },
  LISTENER_EXPOSED: { severity: 'high', title: 'The API listens beyond loopback', remedy: 'Bind the listener to 127.0.0.1 (or ::1), as the manifest says (exposure: loopback).' },
  RESPONSE_SCHEMA_MISMATCH: { severity: 'medium', title: 'The response breaks its documented schema', remedy: 'Fix the response or its schema in the manifest.' },
} as const satisfies Record<string, { severity: 'high' | 'medium' | 'low'; title: string; remedy: string }>;

export type FindingCode = keyof typeof FINDING_CODES;
