import { parseChallenges } from '../checks/parseChallenges.ts';

/**
 * The RFC 6750 error code of the Bearer challenge in a WWW-Authenticate value:
 * null when there is no Bearer challenge, "" when it has no error code.
 */
export function challengeError(header: string | undefined): string | null {
  if (header === undefined) return null;
  const bearer = parseChallenges(header).find((c) => c.scheme.toLowerCase() === 'bearer');
  return bearer ? (bearer.params.error ?? '') : null;
}

/**
 * The challenge column of a proof table: a challenge only means something on a refusal (4xx), so a
 * request that was served, redirected or not answered at all shows "—", never "no Bearer challenge".
 */
export function challengeText(status: number | null, value: string | null): string {
  return status !== null && status >= 400 ? describeChallengeError(value) : '—';
}

/** Human text for a challengeError value. */
export function describeChallengeError(value: string | null): string {
  return value === null ? 'no Bearer challenge' : value === '' ? 'no error code' : value;
}
