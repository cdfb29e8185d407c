import type { RefreshProbe, TokenFlaw } from '../plan/case.ts';
import type { SentRequest } from '../model/exchange.ts';

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
  /**
   * Prepares a refresh request (RFC 6749 §6) for the refresh suite, from a grant of the run's own
   * holding `scopes`: `after-revocation` revokes the grant's refresh token first (RFC 7009);
   * `wider-scope` asks for `wider` as well. Not sent: the case sends and judges it. `release`
   * revokes what was obtained for it. Only providers that obtain refresh tokens of their own have it.
   */
  refreshProbe?(probe: RefreshProbe, scopes: string[], wider: string[]): Promise<{ request: SentRequest; release(): Promise<void> }>;
  /** Secrets the provider itself holds (client secrets), for the redactor. */
  secrets(): string[];
  /** Calls `listener` with every secret obtained from now on (refresh tokens), so it is masked the moment it exists. */
  onSecret?(listener: (secret: string, label: string) => void): void;
}
