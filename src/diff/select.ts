import { canonical } from './canonical.ts';
import { endpointFingerprint } from './diffEndpoint.ts';
import type { Endpoint, JsonSchema, Manifest } from '../manifest/types.ts';
import type { Case, Plan } from '../plan/case.ts';
import { exampleInputs } from '../plan/inputs.ts';
import { caseIdentity, makeCase } from '../plan/makeCase.ts';
import { refusalOf } from '../plan/refusalRules.ts';
import { withCases } from '../plan/withCases.ts';

/** Endpoint id → why it is in the selection (one sentence per reason). */
export type Selected = Map<string, string[]>;

const note = (selected: Selected, id: string, why: string) => selected.set(id, [...(selected.get(id) ?? []), why]);
const differs = (a: unknown, b: unknown) => canonical(a) !== canonical(b);

/**
 * The endpoints whose tests a change can affect: its own definition (schemas it references
 * expanded), the catalogue entries of its scopes, and the manifest-wide settings every case of it
 * is judged by. `old` undefined (no committed version) selects everything.
 */
export function changedEndpoints(old: Manifest | undefined, next: Manifest): Selected {
  const selected: Selected = new Map();
  const before = new Map((old?.endpoints ?? []).map((e) => [e.id, e]));
  const protectedIds = next.endpoints.filter((e) => !e.public).map((e) => e.id);
  for (const e of next.endpoints) {
    const o = before.get(e.id);
    if (o === undefined) note(selected, e.id, old === undefined ? 'no committed version of the manifest' : 'new endpoint');
    else if (endpointFingerprint(old!, o) !== endpointFingerprint(next, e)) note(selected, e.id, 'its definition or a schema it references changed');
    for (const s of e.scopes) if (old && differs(old.auth.scopes[s], next.auth.scopes[s])) note(selected, e.id, `scope ${s} changed in the catalogue`);
  }
  if (old === undefined) return selected;
  // A scope added to or dropped from the catalogue adds or drops a cell in every protected route's scope matrix.
  const scopes = new Set([...Object.keys(old.auth.scopes), ...Object.keys(next.auth.scopes)]);
  for (const s of scopes) {
    if (!(s in old.auth.scopes) !== !(s in next.auth.scopes)) for (const id of protectedIds) note(selected, id, `catalogue ${s in next.auth.scopes ? 'gained' : 'lost'} scope ${s}`);
  }
  const { scopes: _o, ...oldAuth } = old.auth;
  const { scopes: _n, ...newAuth } = next.auth;
  if (differs(oldAuth, newAuth)) for (const id of protectedIds) note(selected, id, 'token settings (auth) changed');
  if (differs(old.errors, next.errors)) for (const e of next.endpoints) note(selected, e.id, 'the error contract changed');
  if (old.limits.maxBodyBytes !== next.limits.maxBodyBytes) for (const e of next.endpoints.filter((x) => x.body !== undefined)) note(selected, e.id, 'limits.maxBodyBytes changed');
  return selected;
}

/**
 * `--endpoint` globs over `METHOD /path/{template}`: `*` matches within one path segment, `**`
 * across segments; a glob without a method matches every method.
 */
export function routeGlob(glob: string): RegExp {
  const trimmed = glob.trim();
  const [method, path] = /^[A-Za-z*]+\s/.test(trimmed) ? [trimmed.split(/\s+/)[0]!, trimmed.split(/\s+/).slice(1).join(' ')] : ['*', trimmed];
  const part = (text: string, one: string, many: string) =>
    text.split(/(\*\*|\*)/).map((t) => (t === '**' ? many : t === '*' ? one : t.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${part(method.toUpperCase(), '[A-Z]*', '[A-Z]*')} ${part(path, '[^/]*', '.*')}$`);
}

export function matchingEndpoints(manifest: Manifest, globs: readonly string[]): Selected {
  const selected: Selected = new Map();
  for (const glob of globs) {
    const re = routeGlob(glob);
    for (const e of manifest.endpoints) if (re.test(`${e.method} ${e.path}`)) note(selected, e.id, `matches --endpoint "${glob}"`);
  }
  return selected;
}

const NO_CREDENTIALS = 'no credentials';

/**
 * The endpoint with equal schemas replaced by one shared object. Input generators are cached per
 * schema object, and building one costs far more than drawing from it: sharing lets a thousand
 * `{ $ref: "#/schemas/Order" }` bodies build one generator. Same content, same draw, same inputs.
 */
function interned(endpoint: Endpoint, pool: Map<string, JsonSchema>): Endpoint {
  const one = (schema: JsonSchema) => {
    const key = canonical(schema);
    if (!pool.has(key)) pool.set(key, schema);
    return pool.get(key)!;
  };
  const params = Object.fromEntries(Object.entries(endpoint.params).map(([name, schema]) => [name, one(schema)]));
  const named = (declared: Endpoint['query']) => Object.fromEntries(Object.entries(declared).map(([name, p]) => [name, { ...p, schema: one(p.schema) }]));
  return { ...endpoint, params, query: named(endpoint.query), headers: named(endpoint.headers), cookies: named(endpoint.cookies), ...(endpoint.body !== undefined && { body: one(endpoint.body) }) };
}

/** The unauthorized suite's cheapest case, built exactly as that suite builds it (same id, seed and request). */
function noCredentials(manifest: Manifest, endpoint: Endpoint, seed: number, variant: string, reason: string, pool: Map<string, JsonSchema>): Case {
  const identity = caseIdentity(seed, endpoint, 'unauthorized', variant);
  const expect = refusalOf(manifest, 'no-credentials', reason);
  const { inputs } = exampleInputs(interned(endpoint, pool), manifest, identity.seed);
  return makeCase(manifest, endpoint, 'unauthorized', variant, identity, { inputs, expect });
}

/**
 * The smoke a selective run always adds: `no credentials` on every protected route, so a route
 * that lost its protection is caught even when nobody touched it. A route the new manifest
 * declares public has no such case, so if it was protected in `old` it gets one built from the
 * OLD contract (expecting its 401) — unless the new manifest approves `authentication-removed` for it.
 */
export function smokeCases(next: Manifest, old: Manifest | undefined, seed: number): Case[] {
  const pool = new Map<string, JsonSchema>();
  const cases = next.endpoints.filter((e) => !e.public).map((e) => noCredentials(next, e, seed, NO_CREDENTIALS, 'no credentials were sent', pool));
  const before = new Map((old?.endpoints ?? []).map((e) => [e.id, e]));
  for (const e of next.endpoints.filter((x) => x.public)) {
    const o = before.get(e.id);
    const approved = next.approved.some((a) => a.endpoint === e.id && a.change === 'authentication-removed');
    if (o && !o.public && !approved) cases.push(noCredentials(old!, o, seed, `${NO_CREDENTIALS} (protected before this change)`, 'the committed manifest required a token here; the change made it public without an approval', new Map()));
  }
  return cases;
}

/** The manifest with only these endpoints, so a selective run plans (and pays for) nothing else. */
export function narrowManifest(manifest: Manifest, ids: ReadonlySet<string>): Manifest {
  return { ...manifest, endpoints: manifest.endpoints.filter((e) => ids.has(e.id)) };
}

/**
 * The plan narrowed to the selected endpoints' cases, plus the smoke cases it lacks, with its
 * token needs recomputed. The rotation drill's issue and revoke steps stay when any probe does;
 * the run-wide exposure check always stays.
 */
export function applySelection(plan: Plan, selected: ReadonlySet<string>, smoke: readonly Case[]): Plan {
  const smokeIds = new Set(smoke.map((c) => c.id));
  const keep = (c: Case) => selected.has(c.endpointId) || smokeIds.has(c.id);
  // The exposure check belongs to no endpoint and sends nothing: a selective run keeps it.
  const cases = withPrerequisites(plan.cases, (c) => keep(c) || c.exposure === true);
  const present = new Set(cases.map((c) => c.id));
  return withCases(plan, [...cases, ...smoke.filter((c) => !present.has(c.id))]);
}

/**
 * The cases `keep` picks, plus the steps they cannot run without, in plan order: the rotation
 * drill's issue and revoke steps for any of its probes; an owned object's create step and the owner's
 * control read for any probe of it. A replay of one case (`--case`) then reproduces it as the full run did.
 */
export function withPrerequisites(cases: readonly Case[], keep: (c: Case) => boolean): Case[] {
  const drill = cases.some((c) => c.rotation !== undefined && keep(c));
  const objects = new Set(cases.filter((c) => c.ownership !== undefined && keep(c)).map((c) => c.ownership!.placeholder));
  return cases.filter(
    (c) =>
      keep(c) ||
      (drill && (c.rotation === 'issue-replacement' || c.rotation === 'revoke-old')) ||
      (c.ownership !== undefined && c.ownership.step !== 'probe' && objects.has(c.ownership.placeholder)),
  );
}
