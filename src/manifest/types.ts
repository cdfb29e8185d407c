/** A JSON Schema as the manifest carries it (boolean schemas included). */
export type JsonSchema = boolean | { [keyword: string]: unknown };

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** Where an environment-held secret comes from: the manifest names the variable, never the value. */
export interface EnvRef {
  env: string;
}

export interface HttpTokenProviderConfig {
  provider: 'http';
  /** Client authentication for the issue and revoke calls (RFC 7617 Basic). */
  clientAuth?: { type: 'basic'; id: EnvRef; secret: EnvRef };
  issue: {
    method: HttpMethod;
    path: string;
    /**
     * Body template; the string "{{scopes}}" becomes the scope array, "{{scope}}" the space-joined
     * scopes, and `{ env: NAME }` that variable's value (so a login password never sits in the manifest).
     */
    body?: unknown;
    /** `form`: application/x-www-form-urlencoded, for login routes that take a form. */
    encoding: 'json' | 'form';
    /** JSON pointers into the issue response. */
    tokenPointer: string;
    idPointer: string;
  };
  /** The API's revoke route, or `none`: it cannot revoke, so revocation is reported as not proven. */
  revoke: { method: HttpMethod; path: string } | 'none';
}

export interface StaticTokenProviderConfig {
  provider: 'static';
  tokens: { scopes: string[]; env: string }[];
  revoked?: EnvRef;
}

/** Signs tokens locally with a test key (so it can also forge the invalid ones); revokes through the API. */
export interface JwtTokenProviderConfig {
  provider: 'jwt';
  algorithm: 'HS256' | 'RS256' | 'ES256';
  key: EnvRef | { file: string };
  keyId?: string;
  /** Claims named here are carried and forged wrong; claims left out are neither (the API may use none). */
  issuer?: string;
  audience?: string;
  scopeClaim: string;
  scopeFormat: 'space' | 'array';
  ttlSeconds: number;
  clientAuth?: HttpTokenProviderConfig['clientAuth'];
  /** The API's revoke route; `{id}` is the token's `jti`. */
  revoke?: { method: HttpMethod; path: string };
}

/** RFC 6749 §2.3.1 client authentication at the token endpoint; `none` is a public client (client_id only). */
export type OAuth2ClientAuth = 'client_secret_basic' | 'client_secret_post' | 'none';

/** An OAuth 2.0 authorization server (RFC 6749), with RFC 7009 revocation and RFC 7662 introspection when named. */
export interface OAuth2TokenProviderConfig {
  provider: 'oauth2';
  /** A path joined to baseUrl, or an absolute URL on the target's origin. */
  tokenUrl: string;
  grant: 'client_credentials' | 'password' | 'refresh_token';
  clientAuth: OAuth2ClientAuth;
  clientId: EnvRef;
  clientSecret?: EnvRef;
  /** Password grant (§4.3) only. */
  username?: EnvRef;
  password?: EnvRef;
  /** Refresh-token grant (§6) only: the user's refresh token, never revoked by the run. */
  refreshToken?: EnvRef;
  /** RFC 7009; absent, revocation is not proven. */
  revocationUrl?: string;
  /** RFC 7662; when set, a revocation counts only once introspection says `active: false`. */
  introspectionUrl?: string;
}

export type TokenProviderConfig = HttpTokenProviderConfig | StaticTokenProviderConfig | JwtTokenProviderConfig | OAuth2TokenProviderConfig;

export interface ScopeInfo {
  owner?: string;
  description?: string;
}

/** Allowed HTTP statuses for each kind of rejection, normalised to arrays. */
export interface ErrorStatuses {
  unauthenticated: number[];
  malformedCredentials: number[];
  forbidden: number[];
  invalid: number[];
  malformedJson: number[];
  unsupportedMediaType: number[];
  tooLarge: number[];
}

export interface ErrorContract {
  contentType: string;
  /** The error body schema; "rfc9457" is expanded by the loader. */
  schema: JsonSchema;
  /** Whether the body's `status` member must equal the HTTP status (RFC 9457 §3.1.2). */
  statusMember: string | null;
  /** Members (names or JSON pointers) allowed to differ between identical requests. */
  volatile: string[];
  statuses: ErrorStatuses;
  /**
   * The WWW-Authenticate scheme every 401 must offer (RFC 9110 §11.6.1), from `auth`: Bearer, Basic,
   * or the manifest's `auth.challenge`; null for API keys, which have no registered scheme to offer.
   */
  challenge: string | null;
}

/** A query or header parameter: its schema, and whether every request must carry it. */
export interface NamedParameter {
  schema: JsonSchema;
  required: boolean;
}

export interface Endpoint {
  id: string;
  method: HttpMethod;
  path: string;
  /** Any one of these grants the route; empty with `public` = no token needed, empty without = any valid credential. */
  scopes: string[];
  public: boolean;
  params: Record<string, JsonSchema>;
  /** Query parameters by name. */
  query: Record<string, NamedParameter>;
  /** Request header parameters by lower-case name (HTTP field names are case-insensitive). */
  headers: Record<string, NamedParameter>;
  /** Cookie parameters by name, sent together in one Cookie header. */
  cookies: Record<string, NamedParameter>;
  body?: JsonSchema;
  contentType: string;
  /** Documented responses by status; "problem" means the error contract's schema. */
  responses: Record<string, JsonSchema | 'problem' | null>;
  /** 1-based line of the endpoint in its file, for messages. */
  line?: number;
}

/** A loosening of the security contract a reviewer accepted, so `harden diff` does not fail on it. */
export interface Approval {
  /** Endpoint id, or `*` for a manifest-wide change. */
  endpoint: string;
  /** A change kind id from docs/diff.md, e.g. `authorization-loosened`. */
  change: string;
  reason: string;
  /** For `environment-difference`: the environment whose control differs. */
  environment?: string;
}

/** What an environment changes (`environments:`, chosen with --env). */
export interface EnvironmentProfile {
  baseUrl?: string;
  exposure?: 'loopback' | 'any';
  tokens?: TokenProviderConfig;
  endpoints: Record<string, { scopes?: string[]; public?: boolean }>;
}

/** A loaded, validated and normalised manifest. */
/** What an API may disclose about itself; header names lower-case. */
export interface Disclosure {
  allowHeaders: string[];
}

/** Origins a browser may read the API from (CORS, the `cors` check); origins serialised as browsers send them. */
export interface Cors {
  allowedOrigins: string[];
  /** Whether the allowed origins may also be granted credentials (Access-Control-Allow-Credentials: true). */
  credentials: boolean;
}

/** How credentials are presented: RFC 6750 bearer tokens, API keys, or RFC 7617 Basic (`user:password`). */
export type AuthScheme = 'bearer' | 'apiKey' | 'basic';

/** An object the owner creates in the run, and the path parameter that names it (the ownership suite). */
export interface OwnedObject {
  name: string;
  /** The endpoint whose success creates one. */
  create: string;
  /** JSON pointer to the new object's id in the create answer. */
  id: string;
  param: string;
  /** What another principal's access must get. */
  refusal: number[];
}

export interface Manifest {
  harden: 1;
  service: string;
  baseUrl: string;
  exposure: 'loopback' | 'any';
  auth: {
    scheme: AuthScheme;
    /** apiKey only: where the key goes, and under which name (as the manifest spells it). */
    apiKey?: { in: 'header' | 'query' | 'cookie'; name: string };
    realm?: string;
    allowQueryToken: boolean;
    tokens: TokenProviderConfig;
    scopes: Record<string, ScopeInfo>;
  };
  /** Other principals by name, each with its own credentials; empty when the manifest has none. */
  principals: Record<string, { tokens: TokenProviderConfig }>;
  /** Objects the owner (auth.tokens) creates, whose routes the other principals must be refused. */
  objects: OwnedObject[];
  errors: ErrorContract;
  limits: { maxBodyBytes?: number; expiryWaitSeconds?: number };
  /** Body properties pinned to existing values (foreign keys), by property name. */
  fields?: Record<string, { enum: unknown[] }>;
  /** What the release gate demands beyond the checks: suites that must be proven (docs/expectations.md). */
  gate?: { require: ('revoked-token' | 'rotation' | 'refresh' | 'ownership')[] };
  /** Headers allowed to name server software with its version (`no-leak`, docs/leaks.md). */
  disclosure?: Disclosure;
  /** Origins allowed cross-origin access; none when absent (docs/attacks.md). */
  cors?: Cors;
  endpoints: Endpoint[];
  schemas: Record<string, JsonSchema>;
  /** Accepted loosenings (`approved:`), empty when none. */
  approved: Approval[];
  /** Environment profiles by name; empty when the manifest has none. */
  environments: Record<string, EnvironmentProfile>;
  /** The profile applied, once --env has chosen one. */
  environment?: string;
  /** Absolute path of the file it was loaded from. */
  source: string;
  /** SHA-256 of the file's bytes, for evidence. */
  sha256: string;
  /** Things worth fixing that do not stop a run (catalogue hygiene), one sentence each. */
  warnings: string[];
}
