import { describe, expect, it } from 'vitest';
import { parseManifest } from '../manifest/parseManifest.ts';
import { buildPlan } from './buildPlan.ts';

const manifest = (grant: string, extra = '') =>
  parseManifest(
    `harden: 1
service: pay
baseUrl: http://127.0.0.1:9
auth:
  scheme: bearer
  tokens:
    provider: oauth2
    tokenUrl: /oauth/token
    grant: ${grant}
    clientId: { env: ID }
    clientSecret: { env: SECRET }
${extra}
  scopes: { a:read: { owner: t }, a:write: { owner: t } }
endpoints:
  - { id: list, method: GET, path: /a, scopes: [a:read] }
  - { id: make, method: POST, path: /a, scopes: [a:write] }
`,
    'm.yaml',
  );

const refresh = (m: ReturnType<typeof manifest>) => buildPlan(m, { seed: 1, suites: ['refresh'] }).cases;

describe('the refresh suite (RFC 6749 §6, RFC 7009 §2.1)', () => {
  it('with the password grant: a revoked refresh token and a wider scope, each refused with 400 at the token endpoint', () => {
    const cases = refresh(manifest('password', '    username: { env: U }\n    password: { env: P }\n    revocationUrl: /oauth/revoke'));
    expect(cases.map((c) => [c.id, c.route, c.refresh, c.expect.statuses, c.unproven])).toEqual([
      ['token-endpoint/refresh/refresh-with-a-revoked-refresh-token', 'POST /oauth/token', 'after-revocation', [400], undefined],
      ['token-endpoint/refresh/refresh-asking-for-more-scope-than-granted', 'POST /oauth/token', 'wider-scope', [400], undefined],
    ]);
  });

  it('says what it cannot prove: no revocation URL; the refresh_token grant (the user\'s token); nothing for client credentials (§4.4.3)', () => {
    const noRevoke = refresh(manifest('password', '    username: { env: U }\n    password: { env: P }'));
    expect(noRevoke.map((c) => c.unproven)).toEqual([expect.stringMatching(/no revocationUrl/), undefined]);
    const users = refresh(manifest('refresh_token', '    refreshToken: { env: R }\n    revocationUrl: /oauth/revoke'));
    expect(users.every((c) => /user's, not the run's/.test(c.unproven ?? ''))).toBe(true);
    expect(refresh(manifest('client_credentials', '    revocationUrl: /oauth/revoke'))).toEqual([]);
  });

  it("with the refresh_token grant, revocation and rotation are not proven: revoking could end the user's grant (RFC 7009 §2.1)", () => {
    const m = manifest('refresh_token', '    refreshToken: { env: R }\n    revocationUrl: /oauth/revoke');
    const cases = buildPlan(m, { seed: 1, suites: ['revoked-token', 'rotation'] }).cases;
    const needRevocation = cases.filter((c) => c.credential?.token?.kind !== 'expired');
    expect(needRevocation.length).toBeGreaterThan(0);
    expect(needRevocation.every((c) => /revoke the user's refresh token too/.test(c.unproven ?? ''))).toBe(true);
    // A token left to expire needs no revocation: those cases stay planned.
    const expiring = cases.filter((c) => c.credential?.token?.kind === 'expired');
    expect(expiring.map((c) => c.unproven)).toEqual([undefined, undefined]);
  });
});
