import { describe, expect, it } from 'vitest';
import { parseManifest } from '../manifest/parseManifest.ts';
import { importTokens } from './importTokens.ts';
import { toManifestYaml } from './toManifestYaml.ts';
import type { ImportWarning } from './importOpenApi.ts';
import type { TokenFlow } from './securitySchemes.ts';
import { importFixture } from './testing.ts';

const flow = (tokenUrl: string, kind: TokenFlow['flow'] = 'clientCredentials'): TokenFlow => ({ flow: kind, tokenUrl, pointer: `#/components/securitySchemes/oauth/flows/${kind}/tokenUrl` });
const run = (flows: TokenFlow[], overlay: unknown, server = 'https://api.example.com/v2') => {
  const warnings: ImportWarning[] = [];
  return { tokens: importTokens(flows, overlay, server, (w) => warnings.push(w)), warnings: warnings.map((w) => w.message) };
};

describe('oauth2 flows import as the oauth2 provider', () => {
  it('the fixture and its overlay: tokenUrl, grant and scopes from the document, env names and RFC 7009/7662 URLs from the overlay', async () => {
    const imported = await importFixture('oauth2-client-credentials.yaml', 'oauth2-client-credentials.overlay.yaml');
    expect(imported.manifest.auth.tokens).toEqual({
      provider: 'oauth2',
      tokenUrl: '/oauth/token',
      grant: 'client_credentials',
      clientAuth: 'client_secret_basic',
      clientId: { env: 'ORDERS_CLIENT_ID' },
      clientSecret: { env: 'ORDERS_CLIENT_SECRET' },
      revocationUrl: '/oauth/revoke',
      introspectionUrl: '/oauth/introspect',
    });
    expect(Object.keys(imported.manifest.auth.scopes)).toEqual(['orders:read', 'orders:write']);
    expect(imported.warnings.filter((w) => /auth\.tokens/.test(w.message))).toEqual([]);
    // Written out for review and read back, it is the same provider, in the order people write it.
    const yaml = toManifestYaml(imported.manifest);
    expect(parseManifest(yaml, 'm.yaml').auth.tokens).toEqual(imported.manifest.auth.tokens);
    expect(yaml).toMatch(/tokens:\n {4}provider: oauth2\n {4}tokenUrl: \/oauth\/token\n {4}grant: client_credentials\n/);
  });

  it('without an overlay: assumed env names and the missing revocation endpoint are warnings', async () => {
    const imported = await importFixture('oauth2-client-credentials.yaml');
    expect(imported.manifest.auth.tokens).toMatchObject({ provider: 'oauth2', tokenUrl: '/oauth/token', clientId: { env: 'OAUTH_CLIENT_ID' }, clientSecret: { env: 'OAUTH_CLIENT_SECRET' } });
    const messages = imported.warnings.map((w) => w.message);
    expect(messages).toContainEqual(expect.stringContaining('auth.tokens reads OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET from the environment'));
    expect(messages).toContainEqual(expect.stringContaining('revocation is reported as not proven'));
  });

  it('a token endpoint on another origin is a warning naming its pointer; tokens then fall back to static ones', async () => {
    const imported = await importFixture('security-schemes.yaml');
    expect(imported.warnings).toContainEqual({
      construct: 'securitySchemes',
      message: expect.stringMatching(/^#\/components\/securitySchemes\/oauth\/flows\/clientCredentials\/tokenUrl is on https:\/\/auth\.example\.com, not on the server's origin https:\/\/eu\.api\.example\.com; .* the overlay must give auth\.tokens\.tokenUrl/),
    });
    expect(imported.manifest.auth.tokens.provider).toBe('static');
  });

  it('a URL under the server URL becomes a path; relative URLs resolve against the server (OpenAPI 3.1)', () => {
    expect(run([flow('https://api.example.com/v2/oauth/token')], undefined).tokens).toMatchObject({ tokenUrl: '/oauth/token' });
    expect(run([flow('oauth/token')], undefined).tokens).toMatchObject({ tokenUrl: '/oauth/token' });
    const outside = run([flow('https://api.example.com/oauth/token')], undefined);
    expect(outside.tokens).toMatchObject({ tokenUrl: 'https://api.example.com/oauth/token' });
    expect(outside.warnings[0]).toMatch(/outside the server URL's path/);
  });

  it('the password flow asks for the owner\'s credentials; the overlay\'s grant picks the flow; its members win', () => {
    expect(run([flow('/token', 'password')], undefined, 'https://api.example.com').tokens).toMatchObject({ grant: 'password', username: { env: 'OAUTH_USERNAME' }, password: { env: 'OAUTH_PASSWORD' } });
    const both = [flow('/cc'), flow('/pw', 'password')];
    expect(run(both, undefined, 'https://api.example.com').tokens).toMatchObject({ tokenUrl: '/cc', grant: 'client_credentials' });
    expect(run(both, { provider: 'oauth2', grant: 'password', clientAuth: 'none', clientId: { env: 'ID' } }, 'https://api.example.com').tokens).toEqual({
      provider: 'oauth2', tokenUrl: '/pw', grant: 'password', clientAuth: 'none', clientId: { env: 'ID' }, username: { env: 'OAUTH_USERNAME' }, password: { env: 'OAUTH_PASSWORD' },
    });
    const elsewhere = run([flow('https://auth.example.com/token')], { provider: 'oauth2', tokenUrl: '/token', clientId: { env: 'I' }, clientSecret: { env: 'S' }, revocationUrl: '/revoke' });
    expect(elsewhere).toEqual({ tokens: expect.objectContaining({ tokenUrl: '/token' }), warnings: [] });
  });

  it('an overlay naming another provider replaces the import whole', () => {
    const http = { provider: 'http', issue: { method: 'POST', path: '/login' }, revocation: 'none' };
    expect(run([flow('/token')], http)).toEqual({ tokens: http, warnings: [] });
  });
});
