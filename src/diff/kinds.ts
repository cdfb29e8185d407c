/** Stable ids of the ways a manifest change can alter the security contract (docs/diff.md). */
export const CHANGE_KINDS = [
  'endpoint-added',
  'endpoint-removed',
  'authentication-removed',
  'authorization-loosened',
  'authorization-tightened',
  'error-contract-changed',
  'request-schema-loosened',
  'request-schema-tightened',
  'limits-changed',
  'responses-changed',
  'route-changed',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export type Severity = 'high' | 'medium' | 'low';

/** Manifest-wide changes (error contract, limits) are filed under this endpoint id. */
export const WHOLE_MANIFEST = '*';

/** One kind of change to one endpoint, with every detail that made it up. */
export interface Change {
  kind: ChangeKind;
  severity: Severity;
  /** Endpoint id, or `*` for a manifest-wide change. */
  endpoint: string;
  /** `METHOD /path` in the new manifest (the old one for a removed endpoint); absent for `*`. */
  route?: string;
  details: string[];
  /** Lets more through than before: fails `harden diff` unless approved. */
  loosening: boolean;
  /** The reason from the new manifest's `approved:` entry, when a reviewer accepted it. */
  approved?: string;
}

export const SEVERITY_ORDER: Severity[] = ['high', 'medium', 'low'];
