import { beforeAll, describe, expect, it } from 'vitest';
import { importFixture } from './testing.ts';

describe('importOpenApi: security schemes and requirements', () => {
  let imported: Awaited<ReturnType<typeof importFixture>>;
  beforeAll(async () => {
    imported = await importFixture('security-schemes.yaml');
  });

  it('catalogues the scopes of every oauth2 flow, then scopes operations name (OpenID Connect)', () => {
    expect(imported.manifest.auth.scheme).toBe('bearer');
    expect(imported.manifest.auth.scopes).toEqual({
      'pets:read': { description: 'read pets' },
      'pets:write': { description: 'change pets' },
      'pets:admin': { description: 'administer pets' },
      profile: {},
    });
  });

  it('applies the document-level security where an operation has none', () => {
    expect(imported.endpoint('usesDefault')).toMatchObject({ public: false, scopes: ['pets:read'] });
  });

  it('maps `security: []` and an optional `{}` requirement to public', () => {
    expect(imported.endpoint('publicRoute')).toMatchObject({ public: true, scopes: [] });
    expect(imported.endpoint('optionalAuth')).toMatchObject({ public: true, scopes: [] });
    expect(imported.warningsFor('GET /optional')).toEqual([]);
  });

  it('maps alternatives of one scope each (OR) exactly, with no warning', () => {
    expect(imported.endpoint('eitherScope').scopes).toEqual(['pets:read', 'pets:admin']);
    expect(imported.warningsFor('GET /either')).toEqual([]);
  });

  it('keeps an AND requirement valid and warns, naming the operation', () => {
    expect(imported.endpoint('bothScopes').scopes).toEqual(['pets:read', 'pets:write']);
    expect(imported.warningsFor('POST /both')).toEqual([expect.objectContaining({ construct: 'security', message: expect.stringContaining('[pets:read, pets:write] together') })]);
  });

  it('with an AND requirement beside single-scope alternatives, keeps the single ones', () => {
    expect(imported.endpoint('bothOrAdmin').scopes).toEqual(['pets:admin']);
    expect(imported.warningsFor('POST /both-or-admin')[0]?.message).toMatch(/only the single-scope alternatives \(pets:admin\)/);
  });

  it('maps http bearer and OpenID Connect to the bearer scheme; a bearer without scopes takes any valid token (authenticated)', () => {
    expect(imported.endpoint('plainBearer')).toMatchObject({ public: false, scopes: [] });
    expect(imported.endpoint('oidcRoute').scopes).toEqual(['profile']);
  });

  it('warns about apiKey (header, query, cookie), http basic and undeclared schemes, naming each', () => {
    for (const [operation, words] of [
      ['GET /header-key', '"headerKey" (apiKey in header "X-API-Key")'],
      ['GET /cookie-key', '"cookieKey" (apiKey in cookie "session")'],
      ['GET /basic', '"basic" (http basic)'],
      ['GET /undeclared', '"nowhere" (not declared in securitySchemes)'],
    ] as const) {
      expect(imported.warningsFor(operation), operation).toEqual([expect.objectContaining({ construct: 'security', message: expect.stringContaining(words) })]);
      expect(imported.warningsFor(operation)[0]?.message).toMatch(/mapped as public/);
    }
  });

  it('drops an apiKey alternative but keeps the bearer one beside it', () => {
    expect(imported.endpoint('queryKey')).toMatchObject({ public: false, scopes: ['pets:admin'] });
    // Said once for the document: API keys are another kind of credential the harness can present.
    expect(imported.warningsFor('GET /query-key')).toEqual([]);
    expect(imported.warnings.some((w) => /also accepts .*an API key in query "api_key".*auth\.securityScheme/.test(w.message))).toBe(true);
  });

  it('fills server variables with their defaults and sanitises info.title into the service name', () => {
    expect(imported.manifest.baseUrl).toBe('https://eu.api.example.com/v2');
    expect(imported.manifest.service).toBe('security-shapes-api');
  });

  it('without an overlay, reads static tokens per scope from the environment, and says so', () => {
    expect(imported.manifest.auth.tokens).toEqual({
      provider: 'static',
      tokens: [
        { scopes: ['pets:read'], env: 'HARDEN_TOKEN_PETS_READ' },
        { scopes: ['pets:write'], env: 'HARDEN_TOKEN_PETS_WRITE' },
        { scopes: ['pets:admin'], env: 'HARDEN_TOKEN_PETS_ADMIN' },
        { scopes: ['profile'], env: 'HARDEN_TOKEN_PROFILE' },
      ],
      revoked: { env: 'HARDEN_REVOKED_TOKEN' },
    });
    expect(imported.warnings).toContainEqual(expect.objectContaining({ construct: 'overlay', message: expect.stringContaining('auth.tokens') }));
  });
});

describe('importOpenApi: API keys and HTTP Basic', () => {
  it('presents the kind of credential protecting the most operations: an API key, with its place and name', async () => {
    const imported = await importFixture('key-and-basic.yaml');
    expect(imported.manifest.auth).toMatchObject({ scheme: 'apiKey', apiKey: { in: 'header', name: 'X-API-Key' } });
    expect(imported.manifest.errors.challenge).toBeNull();
    // No scope named: any valid key; role names (OpenAPI 3.1) become scopes.
    expect(imported.endpoint('listItems')).toMatchObject({ public: false, scopes: [] });
    expect(imported.endpoint('createItem')).toMatchObject({ public: false, scopes: ['items:write'] });
    expect(imported.endpoint('getItem')).toMatchObject({ public: false, scopes: ['items:read', 'items:write'] });
    expect(imported.endpoint('health')).toMatchObject({ public: true });
    // Only Basic can authorise it, and the manifest presents keys: said, not silently tested as a key route.
    expect(imported.warningsFor('GET /basic-only')[0]?.message).toMatch(/"basic" \(http basic\).*presents an API key in header "X-API-Key"; it is mapped as public/);
    expect(imported.warnings.some((w) => /also accepts HTTP Basic credentials/.test(w.message))).toBe(true);
  });

  it('presents HTTP Basic when the overlay names it, with the Basic challenge', async () => {
    const imported = await importFixture('key-and-basic.yaml', 'key-and-basic.basic.overlay.yaml');
    expect(imported.manifest.auth.scheme).toBe('basic');
    expect(imported.manifest.errors.challenge).toBe('Basic');
    expect(imported.endpoint('basicOnly')).toMatchObject({ public: false, scopes: [] });
    expect(imported.endpoint('createItem')).toMatchObject({ public: false, scopes: ['items:write'] });
    // Key-only routes cannot be authorised by Basic: mapped as public, and warned.
    expect(imported.warningsFor('GET /items')[0]?.message).toMatch(/mapped as public/);
  });
});
