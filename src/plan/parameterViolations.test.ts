import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { addFormats } from '../ajvFormats.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../manifest/parseManifest.ts';
import type { JsonSchema, Manifest } from '../manifest/types.ts';
import { buildPlan } from './buildPlan.ts';
import { cookieSafe, headerSafe } from './parameterText.ts';
import { parameterViolations } from './parameterViolations.ts';

// An independent reader, configured as fastify configures its own: text coerced to the schema's types.
const server = new Ajv({ coerceTypes: 'array', strict: false });
addFormats(server);

/** Whether a server reading the text (as it is, or split on commas) could find it valid. */
function someReadingValid(schema: JsonSchema, text: string | string[]): boolean {
  const validate = server.compile({ type: 'object', properties: { value: schema as object }, required: ['value'] });
  const readings = Array.isArray(text) ? [text] : [text, text.split(',')];
  return readings.some((reading) => validate({ value: structuredClone(reading) }));
}

const SCHEMAS: JsonSchema[] = [
  { type: 'integer', minimum: 1, maximum: 100 },
  { type: 'number', exclusiveMinimum: 0 },
  { type: 'boolean' },
  { type: 'string', minLength: 3, maxLength: 12 },
  { type: 'string', enum: ['open', 'cancelled'] },
  { type: 'string', pattern: '^[a-z]{2}-[0-9]{3}$' },
  { type: 'string', format: 'uuid' },
  { type: 'string', format: 'date' },
  { type: 'array', items: { type: 'integer', minimum: 0 }, maxItems: 3 },
  { enum: [1, 2, 3] },
];

const manifestWith = (query: Record<string, JsonSchema>, headers: Record<string, JsonSchema>, required: boolean, cookies: Record<string, JsonSchema> = {}): Manifest => {
  const base = readFileSync('fixtures/reference-api/manifest.yaml', 'utf8');
  const manifest = parseManifest(base, 'manifest.yaml');
  const wrap = (declared: Record<string, JsonSchema>) => Object.fromEntries(Object.entries(declared).map(([name, schema]) => [name, { schema, required }]));
  const endpoints = manifest.endpoints.map((e) => (e.id === 'listOrders' ? { ...e, query: wrap(query), headers: wrap(headers), cookies: wrap(cookies) } : e));
  return { ...manifest, endpoints };
};

describe('parameterViolations', () => {
  it('only calls a value invalid when no server reading of its text is valid; header values stay sendable', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCHEMAS), fc.boolean(), fc.nat(), (schema, required, seed) => {
        const manifest = manifestWith({ p: schema }, { 'x-p': schema }, required, { c: schema });
        const endpoint = manifest.endpoints.find((e) => e.id === 'listOrders')!;
        const violations = parameterViolations(manifest, endpoint, (which) => seed + which.length);
        for (const v of violations) {
          if (v.value === undefined) continue;
          expect(someReadingValid(schema, v.value), `${v.place} ${JSON.stringify(v.value)} for ${JSON.stringify(schema)}`).toBe(false);
          if (v.place === 'headers') expect(headerSafe(v.value as string)).toBe(true);
          if (v.place === 'cookies') expect(cookieSafe(v.value as string)).toBe(true);
        }
        // Left out exactly when required, once per place.
        expect(violations.filter((v) => v.value === undefined).map((v) => v.place)).toEqual(required ? ['query', 'headers', 'cookies'] : []);
      }),
      { numRuns: 60 },
    );
  });

  it('finds a broken value for every constrained schema above, and none for an unconstrained string', () => {
    for (const schema of SCHEMAS) {
      const manifest = manifestWith({ p: schema }, {}, false);
      const violations = parameterViolations(manifest, manifest.endpoints.find((e) => e.id === 'listOrders')!, () => 7);
      expect(violations, JSON.stringify(schema)).toHaveLength(1);
    }
    const free = manifestWith({ q: { type: 'string' } }, { 'x-q': { type: 'string' } }, false);
    expect(parameterViolations(free, free.endpoints.find((e) => e.id === 'listOrders')!, () => 7)).toEqual([]);
  });
});

describe('planning with query and header parameters', () => {
  const manifest = manifestWith({ limit: { type: 'integer', minimum: 1, maximum: 100, examples: [5] }, page: { type: 'integer', minimum: 1 } }, { 'x-tenant': { type: 'string', format: 'uuid' } }, false);
  const requiredTenant: Manifest = {
    ...manifest,
    endpoints: manifest.endpoints.map((e) => (e.id === 'listOrders' ? { ...e, headers: { 'x-tenant': { schema: { type: 'string', format: 'uuid' }, required: true } } } : e)),
  };

  it('sends required parameters in every case but the one that leaves them out, and optional ones only in generated inputs', () => {
    const plan = buildPlan(requiredTenant, { seed: 4 });
    const cases = plan.cases.filter((c) => c.endpointId === 'listOrders');
    const missing = cases.filter((c) => c.variant === 'required header "x-tenant" missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.request.headers['x-tenant']).toBeUndefined();
    expect(missing[0]!.expect).toMatchObject({ outcome: 'reject', statuses: [400] });
    for (const c of cases.filter((c) => c !== missing[0] && c.variant !== 'header "x-tenant" breaks its schema')) {
      expect(c.request.headers['x-tenant'], c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    }
    // The documented example case is the smallest request: no optional query parameter.
    expect(cases.find((c) => c.variant === 'documented example')!.request.query).toEqual({});
    expect(cases.map((c) => c.variant)).toEqual(expect.arrayContaining(['generated inputs', 'query parameter "limit" breaks its schema', 'query parameter "page" breaks its schema', 'header "x-tenant" breaks its schema']));
  });

  it('sends cookie parameters in one Cookie header, and leaves out or breaks each', () => {
    const withCookie: Manifest = {
      ...manifest,
      endpoints: manifest.endpoints.map((e) => (e.id === 'getOrder' ? { ...e, cookies: { session: { schema: { type: 'string', pattern: '^s[0-9]{4}$', examples: ['s1234'] }, required: true }, theme: { schema: { enum: ['dark', 'light'] }, required: false } } } : e)),
    };
    const cases = buildPlan(withCookie, { seed: 3 }).cases.filter((c) => c.endpointId === 'getOrder');
    const byVariant = (v: string) => cases.find((c) => c.variant === v)!;
    expect(byVariant('documented example').request.headers.cookie).toBe('session=s1234');
    expect(byVariant('revoked bearer').request.headers.cookie).toBe('session=s1234');
    expect(byVariant('required cookie "session" missing').request.headers.cookie).toBeUndefined();
    const broken = byVariant('cookie "session" breaks its schema').request.headers.cookie!;
    expect(broken).toMatch(/^session=/);
    expect(broken).not.toMatch(/^session=s[0-9]{4}(;|$)/);
    expect(byVariant('cookie "theme" breaks its schema').request.headers.cookie).toMatch(/^session=s1234; theme=/);
  });

  it('keeps case ids whatever the seed draws, and plans endpoints without parameters as before (no query, no extra headers)', () => {
    const a = buildPlan(requiredTenant, { seed: 1 });
    const b = buildPlan(requiredTenant, { seed: 2 });
    expect(a.cases.map((c) => c.id)).toEqual(b.cases.map((c) => c.id));
    // The method-override and CORS cases add exactly the header they are about, and nothing else.
    for (const c of a.cases.filter((c) => c.endpointId === 'getOrder')) {
      expect(c.request.query).toBeUndefined();
      const own = c.variant.startsWith('cors: ') ? Object.keys(c.request.headers).filter((h) => h === 'origin' || h.startsWith('access-control-request-')) : [/^method override: (\S+) /.exec(c.variant)?.[1]?.toLowerCase()].filter((h) => h !== undefined);
      expect(Object.keys(c.request.headers)).toEqual(['accept', ...own]);
    }
  });
});
