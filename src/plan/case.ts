import type { Cors, Endpoint, HttpMethod } from '../manifest/types.ts';

/** The request suites, in report order. */
export const SUITES = ['positive', 'revoked-token', 'unauthorized', 'malformed', 'rotation', 'refresh', 'ownership', 'exposure'] as const;
export type SuiteId = (typeof SUITES)[number];

/** Ways a locally signed token can be invalid; each must be refused with 401 invalid_token (RFC 6750 §3.1). */
export const TOKEN_FLAWS = [
  'expired',
  'not-yet-valid',
  'bad-signature',
  'tampered-payload',
  'alg-none',
  'wrong-audience',
  'wrong-issuer',
  'missing-scope-claim',
  'unknown-key-id',
] as const;
export type TokenFlaw = (typeof TOKEN_FLAWS)[number];

/**
 * Ways a live token is tampered with (issue 19): characters appended, the last one cut, one changed,
 * its letters in the other case. The plan names the change; the token stage applies it to the live value.
 */
export const TOKEN_TAMPERS = ['appended', 'last-cut', 'one-changed', 'case-swapped'] as const;
export type TokenTamper = (typeof TOKEN_TAMPERS)[number];

/** Which credential a case needs; the token stage turns it into a value at run time. */
export type TokenRef =
  /** A live token with exactly these scopes; of another principal (the ownership suite) when named. */
  | { kind: 'live'; scopes: string[]; principal?: string }
  /** A live token with these scopes, changed by `tamper` at run time. */
  | { kind: 'tampered'; scopes: string[]; tamper: TokenTamper }
  | { kind: 'revoked' }
  /** A token the run obtained and let expire (its issuer said when: RFC 6749 §5.1 expires_in). */
  | { kind: 'expired' }
  | { kind: 'forged'; flaw: TokenFlaw }
  /** The rotation drill's tokens: the one being replaced, and its replacement. */
  | { kind: 'rotation'; which: 'old' | 'new' };

/**
 * The ownership suite's steps, in the order they run (OWASP API1, broken object level authorization):
 * the owner creates an object, reads it back (the control: the id is real), then every other principal
 * tries each route that takes the object's id, and lists the collection it was created in.
 */
export const OWNERSHIP_STEPS = ['create', 'owner-reads', 'probe'] as const;
export interface OwnershipStep {
  step: (typeof OWNERSHIP_STEPS)[number];
  /** The object's name (manifest `objects[].name`). */
  object: string;
  /** In the planned request, this text stands for the object's id, known once the create step ran. */
  placeholder: string;
  principal?: string;
}

/**
 * The refresh suite's cases (RFC 6749 §6, RFC 7009 §2.1): a refresh token the run revoked must not
 * mint tokens (invalid_grant); a refresh must not widen the grant's scope (invalid_scope).
 */
export const REFRESH_PROBES = ['after-revocation', 'wider-scope'] as const;
export type RefreshProbe = (typeof REFRESH_PROBES)[number];

/** The rotation drill's steps, in the order they run (RFC 7009 revocation proven by negative tests). */
export const ROTATION_STEPS = ['issue-replacement', 'new-accepted-before', 'revoke-old', 'old-refused', 'new-accepted-after'] as const;
export type RotationStep = (typeof ROTATION_STEPS)[number];

/**
 * How a credential is presented: in a header (Authorization, or an API key's), a query parameter
 * (an API key's, or RFC 6750 §2.3 `access_token`) or a cookie.
 */
export interface Credential {
  placement: 'header' | 'query' | 'cookie';
  /** The header (lower-case), query parameter or cookie name. */
  name: string;
  /** Query placement only: further parameter names carrying the same value in the same request. */
  alsoAs?: readonly string[];
  /** The whole value with `{token}` standing for the token, e.g. "Bearer {token}", or "{token}" for a key. */
  template: string;
  /** `base64`: the token (Basic's `user:password`) is encoded before it fills the template (RFC 7617 §2). */
  encoding?: 'base64';
  token?: TokenRef;
}

/** Methods no manifest lists but the unauthorized suite sends (RFC 9110 §9.3.8 TRACE; RFC 4918 §9.1 PROPFIND). */
export type UnlistedMethod = 'TRACE' | 'PROPFIND';

export interface PlannedRequest {
  method: HttpMethod | UnlistedMethod;
  /** Path with parameters filled and percent-encoded, relative to the base URL. */
  path: string;
  /** Query parameters; a list is the key repeated. */
  query?: Record<string, string | readonly string[]>;
  headers: Record<string, string>;
  body?: { text: string; contentType?: string };
}

/** RFC 6750 §3 challenge expected in WWW-Authenticate; `null` in `errors` means "no error code". */
export interface ChallengeExpectation {
  scheme: string;
  /** RFC 6750 §3.1 error codes allowed; absent for schemes without them (Basic): any, or none, is fine. */
  errors?: (string | null)[];
}

export interface Expectation {
  /** accept: the API must serve the request; reject: it must refuse it with the error contract. */
  outcome: 'accept' | 'reject';
  statuses: number[];
  /** Why these statuses, in words, for reports ("401 (unauthenticated)"). */
  reason: string;
  challenge?: ChallengeExpectation;
  /** For accepted requests: documented response schemas by status. */
  responses?: Endpoint['responses'];
  /** For requests that carry an `Origin`: the cross-origin access the manifest allows (the `cors` check). */
  cors?: Cors;
  /** Text the answer must not contain: another principal's object id in a listing (the `ownership` check). */
  absent?: string[];
}

/** A case that is a property: many generated requests, shrunk to the smallest failing one. */
export interface FuzzSpec {
  /**
   * valid-inputs: documented schemas, must be served; schema-violations: one broken constraint each, must be refused;
   * hostile-values: a valid body but for one field holding a hostile value (src/plan/hostileValues.ts).
   */
  generator: 'valid-inputs' | 'schema-violations' | 'hostile-bodies' | 'hostile-values' | 'malformed-authorization';
  runs: number;
}

/** One planned request with everything needed to send, judge and replay it. */
export interface Case {
  /** Stable across runs: `endpointId/suite/variant`. */
  id: string;
  seed: number;
  suite: SuiteId;
  endpointId: string;
  /** `METHOD /path/{template}` as documented. */
  route: string;
  variant: string;
  /** `GET /orders/{id} › revoked-token › revoked bearer` — the JUnit testcase name. */
  title: string;
  request: PlannedRequest;
  credential?: Credential;
  expect: Expectation;
  /** Send twice and compare (determinism); only for requests that must be refused. */
  repeat: boolean;
  /** What a generated input violates or was drawn from, e.g. "/quantity: minimum". */
  generated?: string;
  /** Present when the case is a property; `request` then shows its first generated request. */
  fuzz?: FuzzSpec;
  /** Present for the rotation drill's cases: which step this is (the issue and revoke steps send no request). */
  rotation?: RotationStep;
  /** Present for the refresh suite's cases: which refresh request the token provider prepares. */
  refresh?: RefreshProbe;
  /** Present for the ownership suite's cases: which step, for which object and (probes) which other principal. */
  ownership?: OwnershipStep;
  /** Present for the exposure suite's case: read the listener's bound addresses, send nothing. */
  exposure?: boolean;
  /** Why the case is planned but must not be sent (e.g. --safe-methods-only); reported as skipped. */
  skip?: string;
  /** Why the run cannot obtain what the case needs (no way to revoke a token); reported as not proven. */
  unproven?: string;
  /** Present when the case is a cell of the scope matrix: a single-scope token, documented to grant or not. */
  matrix?: { scope: string; expected: 'allow' | 'deny' };
}

export interface Plan {
  seed: number;
  service: string;
  cases: Case[];
  /** Credentials the run must obtain before sending. */
  tokens: { scopeSets: string[][]; revoked: boolean; expired: boolean; forged: TokenFlaw[]; rotation: boolean; principals: Record<string, string[][]> };
}
