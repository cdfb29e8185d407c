import type { Problem } from '../errors.ts';

type Kind = 'unauthenticated' | 'forbidden' | 'invalid' | 'malformedJson' | 'malformedCredentials' | 'unsupportedMediaType' | 'tooLarge';

/** Kinds whose status has a fixed default; derived ones (malformedJson, malformedCredentials) default to another kind's. */
const DEFAULTS: Partial<Record<Kind, number>> = { unauthenticated: 401, forbidden: 403, invalid: 400, unsupportedMediaType: 415, tooLarge: 413 };
const CREDENTIAL: Kind[] = ['unauthenticated', 'forbidden'];
const BODY: Kind[] = ['invalid', 'malformedJson', 'unsupportedMediaType', 'tooLarge'];

const list = (value: unknown): number[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is number => typeof v === 'number');

/**
 * What "conflicting statuses" means: one status standing for two refusals the harness must tell apart.
 * A missing token (unauthenticated) must not share a status with a token lacking a scope (forbidden),
 * and neither may share one with a refused body (invalid, malformed JSON, media type, size) — except a
 * non-401 `unauthenticated` status, told apart by its challenge: otherwise an API that rejects the token
 * would pass the body checks, and the reverse. Also, a refusal is a 4xx.
 * Reports point at the kind written later (or the one written at all, when the other is a default).
 */
export function statusProblems(statuses: Record<string, unknown> | undefined, report: (segments: (string | number)[], message: string, hint: string) => void): void {
  const raw = statuses ?? {};
  const effective = new Map<Kind, { values: number[]; explicit: boolean }>();
  for (const kind of [...CREDENTIAL, ...BODY]) {
    if (raw[kind] !== undefined) effective.set(kind, { values: list(raw[kind]), explicit: true });
    else if (DEFAULTS[kind] !== undefined) effective.set(kind, { values: [DEFAULTS[kind]!], explicit: false });
  }
  const at = (kind: Kind, status: number): (string | number)[] =>
    Array.isArray(raw[kind]) ? ['errors', 'statuses', kind, (raw[kind] as unknown[]).indexOf(status)] : ['errors', 'statuses', kind];

  for (const [kind, value] of Object.entries(raw)) {
    for (const status of list(value)) {
      if (status < 400 || status > 499) {
        report(at(kind as Kind, status), `the ${kind} refusal status ${status} is not a 4xx`, 'refusals are client errors, 400–499: a 5xx is always a finding, and a 2xx or 3xx is not a refusal');
      }
    }
  }

  const order = Object.keys(raw);
  const pairs: [Kind, Kind][] = [['unauthenticated', 'forbidden'], ...CREDENTIAL.flatMap((c) => BODY.map((b): [Kind, Kind] => [c, b]))];
  for (const [a, b] of pairs) {
    const left = effective.get(a);
    const right = effective.get(b);
    if (!left || !right || (!left.explicit && !right.explicit)) continue;
    for (const status of left.values.filter((s) => right.values.includes(s))) {
      // `unauthenticated` may share a 4xx other than 401 with a body refusal (some APIs answer 400 to
      // both): the case tells them apart by its challenge, as every unauthenticated case requires a
      // Bearer challenge (RFC 6750 §3) and a body refusal carries none. A 401 is always about
      // authentication (RFC 9110 §15.5.2), and a scope refusal has no marker to tell it by.
      if (a === 'unauthenticated' && b !== 'forbidden' && status !== 401) continue;
      // Point at the kind the user wrote last, where the clash became true.
      const blame = !right.explicit ? a : !left.explicit ? b : order.indexOf(a) > order.indexOf(b) ? a : b;
      const other = blame === a ? b : a;
      const otherIsDefault = !effective.get(other)!.explicit;
      report(
        at(blame, status),
        `status ${status} stands for both "${other}"${otherIsDefault ? ' (its default)' : ''} and "${blame}"`,
        a === 'unauthenticated' && b === 'forbidden'
          ? 'a missing or bad token must be told apart from a token lacking the scope, RFC 6750 §3.1: usually 401 and 403'
          : 'the harness tells a refused credential from a refused body by the status; give each its own: usually unauthenticated 401, forbidden 403, invalid 400, unsupportedMediaType 415, tooLarge 413',
      );
    }
  }
}
