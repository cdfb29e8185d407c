import { describe, expect, it } from 'vitest';
import { HardenError } from '../errors.ts';
import { parseManifest } from './parseManifest.ts';

const manifest = (tokens: string, scopes = '    orders:read: { owner: team, description: read }') => `harden: 1
service: orders-api
baseUrl: http://127.0.0.1:8080
auth:
  scheme: bearer
  tokens:
${tokens}
  scopes:
${scopes}
endpoints:
  - { id: listOrders, method: GET, path: /orders, scopes: [orders:read] }
`;

const problems = (tokens: string, scopes?: string) => {
  try {
    parseManifest(manifest(tokens, scopes), 'm.yaml');
  } catch (error) {
    if (error instanceof HardenError) return error.problems.map((p) => `${p.location.line}:${p.location.pointer} ${p.message} (${p.hint})`);
    throw error;
  }
  return [];
};

const OAUTH = '    provider: oauth2\n    tokenUrl: /oauth/token\n    clientId: { env: OAUTH_CLIENT_ID }\n';

describe('token provider rules', () => {
  it('oauth2 defaults: client_credentials, client_secret_basic (RFC 6749 §2.3.1: every server supports Basic)', () => {
    const m = parseManifest(manifest(`${OAUTH}    clientSecret: { env: OAUTH_CLIENT_SECRET }\n    revocationUrl: /oauth/revoke`), 'm.yaml');
    expect(m.auth.tokens).toEqual({ provider: 'oauth2', tokenUrl: '/oauth/token', grant: 'client_credentials', clientAuth: 'client_secret_basic', clientId: { env: 'OAUTH_CLIENT_ID' }, clientSecret: { env: 'OAUTH_CLIENT_SECRET' }, revocationUrl: '/oauth/revoke' });
  });

  it('locates each combination RFC 6749 rules out, with a hint', () => {
    expect(problems(OAUTH)).toEqual(['7:/auth/tokens clientAuth client_secret_basic sends a client secret (RFC 6749 §2.3.1), and auth.tokens names none (add clientSecret: { env: OAUTH_CLIENT_SECRET }, or set clientAuth: none for a public client)']);
    expect(problems(`${OAUTH}    clientAuth: none`)[0]).toMatch(/^10:\/auth\/tokens\/clientAuth the client_credentials grant is for confidential clients only/);
    expect(problems(`${OAUTH}    clientAuth: none\n    grant: refresh_token`)[0]).toMatch(/^11:\/auth\/tokens\/grant the refresh_token grant sends a refresh token/);
    expect(problems(`${OAUTH}    clientSecret: { env: S }\n    refreshToken: { env: R }`)[0]).toMatch(/^11:\/auth\/tokens\/refreshToken refreshToken is only sent with the refresh_token grant/);
    expect(problems(`${OAUTH}    clientSecret: { env: S }\n    introspectionUrl: /oauth/introspect`)[0]).toMatch(/introspection only confirms a revocation/);
    expect(problems(`${OAUTH}    clientSecret: { env: S }\n    tokenUrl: ftp://x/token`)).toHaveLength(1);
  });

  it('a catalogued scope an OAuth 2.0 server cannot be asked for (RFC 6749 §3.3) is located at its name', () => {
    expect(problems(`${OAUTH}    clientSecret: { env: S }`, '    orders:read: { owner: team, description: read }\n    "read all": { owner: team, description: x }')).toEqual([
      expect.stringMatching(/^13:\/auth\/scopes\/read all scope "read all" cannot be asked for at an OAuth 2.0 token endpoint/),
    ]);
  });

  it('http: a login route with a form body of env references and revocation: none', () => {
    const m = parseManifest(manifest('    provider: http\n    issue: { method: POST, path: /login, encoding: form, body: { user: { env: U }, password: { env: P } }, tokenPointer: /token }\n    revocation: none'), 'm.yaml');
    expect(m.auth.tokens).toMatchObject({ provider: 'http', revoke: 'none', issue: { encoding: 'form', body: { user: { env: 'U' } } } });
  });

  it('http: a nested form field, a bad env name, and both revoke and revocation are located', () => {
    expect(problems('    provider: http\n    issue: { method: POST, path: /login, encoding: form, body: { user: { name: x } } }\n    revocation: none')[0]).toMatch(/\/auth\/tokens\/issue\/body\/user form field "user" holds an object/);
    expect(problems('    provider: http\n    issue: { method: POST, path: /login, body: { password: { env: "1-bad" } } }\n    revocation: none')[0]).toMatch(/\/auth\/tokens\/issue\/body\/password\/env an env reference names an environment variable/);
    expect(problems('    provider: http\n    issue: { method: POST, path: /login }\n    revocation: none\n    revoke: { method: DELETE, path: "/t/{id}" }')[0]).toMatch(/\/auth\/tokens\/revocation revocation: none says the API cannot revoke/);
  });

  it('jwt: issuer and audience are optional', () => {
    const m = parseManifest(manifest('    provider: jwt\n    algorithm: HS256\n    key: { env: K }'), 'm.yaml');
    expect(m.auth.tokens).toMatchObject({ provider: 'jwt', scopeClaim: 'scope' });
    expect(m.auth.tokens).not.toHaveProperty('issuer');
  });
});
