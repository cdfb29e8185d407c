/**
 * passed: every check held; failed: a finding about the API; error: no answer to judge (infrastructure);
 * skipped: deliberately not sent (excluded by an option such as --safe-methods-only, or the run was interrupted);
 * not-proven: the run cannot obtain what the case needs (a revoked token from a provider that cannot revoke),
 * so the control it tests is neither held nor broken — said so, never silently left out.
 */
export type VerdictStatus = 'passed' | 'failed' | 'error' | 'skipped' | 'not-proven';
