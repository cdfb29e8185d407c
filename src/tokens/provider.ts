import type { TokenFlaw } from '../plan/case.ts';

/** A credential the run holds. `value` never leaves the process: reports see `label`. */
export interface IssuedToken {
  value: string;
  /** The provider's handle for revocation (token id, jti), when it has one. */
  id?: string;
  scopes: string[];
  label: string;
  /** Issued by this run, so this run may revoke it (the user's own tokens are never revoked). */
  disposable: boolean;
  /** When the issuer says it expires (epoch ms), e.g. from RFC 6749 §5.1 `expires_in`. */
  expiresAt?: number;
}

/** Hands out credentials by scope set and revokes them; one interface for every source of tokens. */
export interface TokenProvider {
  readonly kind: string;
  issue(scopes: string[]): Promise<IssuedToken>;
  /** A token that was valid for these scopes and has been revoked. */
  revoked(scopes: string[]): Promise<IssuedToken>;
  revoke(token: IssuedToken): Promise<void>;
  /** A token wrong in exactly one way (only providers that sign locally can forge). */
  forge?(flaw: TokenFlaw, scopes: string[]): Promise<IssuedToken>;
  /** Secrets the provider itself holds (client secrets), for the redactor. */
  secrets(): string[];
  /** Calls `listener` with every secret obtained from now on (refresh tokens), so it is masked the moment it exists. */
  onSecret?(listener: (secret: string, label: string) => void): void;
}
