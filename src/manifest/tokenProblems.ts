type Report = (segments: readonly (string | number)[], message: string, hint?: string) => void;
type Raw = Record<string, unknown>;

/** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ), so no space, quote or backslash. */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const isEnvRef = (v: unknown): v is { env: unknown } => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && 'env' in v;
const isScalar = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);

/** The oauth2 combinations RFC 6749 rules out, each at the member that is wrong or missing. */
function oauth2Problems(t: Raw, at: string[], report: Report): void {
  const grant = (t.grant as string | undefined) ?? 'client_credentials';
  const clientAuth = (t.clientAuth as string | undefined) ?? 'client_secret_basic';
  const grantAt = t.grant === undefined ? at : [...at, 'grant'];
  if (grant === 'password') {
    const missing = ['username', 'password'].filter((k) => t[k] === undefined);
    if (missing.length > 0) {
      report(grantAt, `the password grant sends the resource owner's username and password (RFC 6749 §4.3.2); auth.tokens names no ${missing.join(' and no ')}`, `add ${missing.map((k) => `${k}: { env: OAUTH_${k.toUpperCase()} }`).join(' and ')}`);
    }
  }
  if (grant === 'refresh_token' && t.refreshToken === undefined) {
    report(grantAt, 'the refresh_token grant sends a refresh token (RFC 6749 §6), and auth.tokens names none', 'add refreshToken: { env: OAUTH_REFRESH_TOKEN }');
  }
  for (const [key, only] of [['username', 'password'], ['password', 'password'], ['refreshToken', 'refresh_token']] as const) {
    if (t[key] !== undefined && grant !== only) report([...at, key], `${key} is only sent with the ${only} grant, and this provider uses ${grant}`, `remove ${key}, or set grant: ${only}`);
  }
  if (clientAuth === 'none') {
    if (t.clientSecret !== undefined) {
      report([...at, 'clientSecret'], 'clientAuth: none is a public client (RFC 6749 §2.1): it never sends a client secret', 'remove clientSecret, or set clientAuth: client_secret_basic or client_secret_post');
    }
    if (grant === 'client_credentials') {
      report([...at, 'clientAuth'], 'the client_credentials grant is for confidential clients only (RFC 6749 §4.4), so the client must authenticate', 'set clientAuth: client_secret_basic or client_secret_post, and name clientSecret');
    }
  } else if (t.clientSecret === undefined) {
    report(t.clientAuth === undefined ? at : [...at, 'clientAuth'], `clientAuth ${clientAuth} sends a client secret (RFC 6749 §2.3.1), and auth.tokens names none`, 'add clientSecret: { env: OAUTH_CLIENT_SECRET }, or set clientAuth: none for a public client');
  }
  if (t.introspectionUrl !== undefined && t.revocationUrl === undefined) {
    report([...at, 'introspectionUrl'], 'introspection only confirms a revocation, and no revocationUrl is named', 'add revocationUrl (RFC 7009), or remove introspectionUrl');
  }
}

/** Every `{ env: NAME }` in an issue body names a valid variable; a form body is flat. */
function bodyProblems(body: unknown, at: (string | number)[], form: boolean, report: Report): void {
  if (isEnvRef(body)) {
    if (typeof body.env !== 'string' || !ENV_NAME.test(body.env)) report([...at, 'env'], 'an env reference names an environment variable', 'use letters, digits and _, e.g. { env: LOGIN_PASSWORD }');
    return;
  }
  if (form) {
    if (body === undefined) return;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      report(at, 'a form body (encoding: form) is an object of fields', 'write it as { field: value, … }');
      return;
    }
    for (const [key, value] of Object.entries(body)) {
      const fine = isScalar(value) || isEnvRef(value) || (Array.isArray(value) && value.every(isScalar)) || value === '{{scopes}}';
      if (!fine) report([...at, key], `form field "${key}" holds an object; application/x-www-form-urlencoded carries only text`, 'use a string, a number, a list of them, or { env: NAME }');
      else if (isEnvRef(value)) bodyProblems(value, [...at, key], false, report);
    }
    return;
  }
  if (Array.isArray(body)) body.forEach((v, i) => bodyProblems(v, [...at, i], false, report));
  else if (body !== null && typeof body === 'object') for (const [k, v] of Object.entries(body)) bodyProblems(v, [...at, k], false, report);
}

function httpProblems(t: Raw, at: string[], report: Report): void {
  if (t.revoke === undefined && t.revocation === undefined) {
    report(at, 'the http provider says neither how to revoke a token (revoke) nor that the API cannot (revocation: none)', 'add revoke: { method: DELETE, path: "/auth/tokens/{id}" }, or revocation: none');
  }
  if (t.revoke !== undefined && t.revocation !== undefined) {
    report([...at, 'revocation'], 'revocation: none says the API cannot revoke, yet a revoke route is named', 'keep one of revoke and revocation');
  }
  const issue = (t.issue ?? {}) as Raw;
  bodyProblems(issue.body, [...at, 'issue', 'body'], issue.encoding === 'form', report);
}

/**
 * Token-provider rules a JSON Schema cannot state: the credentials each OAuth 2.0 grant and
 * client authentication needs (RFC 6749), scope names it can carry, and the http provider's
 * revocation and body templates. Checked for auth.tokens and every environment profile's tokens.
 */
export function tokenProblems(manifest: { auth: { scopes: Record<string, unknown>; tokens: unknown }; environments?: Record<string, { tokens?: unknown }> }, report: Report): void {
  const configs: [unknown, string[]][] = [[manifest.auth.tokens, ['auth', 'tokens']]];
  for (const [name, profile] of Object.entries(manifest.environments ?? {})) {
    if (profile?.tokens !== undefined) configs.push([profile.tokens, ['environments', name, 'tokens']]);
  }
  let oauth2 = false;
  for (const [config, at] of configs) {
    const t = config as Raw;
    if (t.provider === 'oauth2') {
      oauth2 = true;
      oauth2Problems(t, at, report);
    } else if (t.provider === 'http') httpProblems(t, at, report);
  }
  if (!oauth2) return;
  for (const scope of Object.keys(manifest.auth.scopes).filter((s) => !SCOPE_TOKEN.test(s))) {
    report(['auth', 'scopes', scope], `scope "${scope}" cannot be asked for at an OAuth 2.0 token endpoint: a scope is one token without spaces, quotes or backslashes (RFC 6749 §3.3)`, 'rename it as the authorization server names it');
  }
}
