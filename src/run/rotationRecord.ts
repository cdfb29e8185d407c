/** One endpoint's answer during the rotation drill. */
export interface RotationProbe {
  endpointId: string;
  route: string;
  caseId: string;
  status?: number;
  /** For rejections: the RFC 6750 error code in the challenge, if any. */
  challengeError?: string;
  /** Whether this probe held (accepted when it should be, rejected when it should be). */
  held: boolean;
}

/** Evidence of a token rotation: issue a replacement, validate it, revoke the old one, prove both outcomes everywhere. */
export interface RotationRecord {
  oldToken: string;
  newToken: string;
  issuedAt: string;
  /** The replacement, accepted on every protected endpoint before the old one was revoked. */
  validated: RotationProbe[];
  revokedAt: string;
  /** The old token, refused on every protected endpoint after revocation. */
  rejected: RotationProbe[];
  /** The replacement, still accepted after the old one was revoked. */
  stillAccepted: RotationProbe[];
  held: boolean;
}
