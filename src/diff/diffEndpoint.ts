import type { Endpoint, Manifest } from '../manifest/types.ts';
import { canonical, sameJson } from './canonical.ts';
import { compareSchema, type SchemaDelta } from './compareSchema.ts';
import type { ChangeKind } from './kinds.ts';
import { inline } from './refs.ts';

/** What one endpoint's comparison found: details per change kind, before severities are given. */
export type Findings = Map<ChangeKind, string[]>;

const add = (found: Findings, kind: ChangeKind, detail: string) => found.set(kind, [...(found.get(kind) ?? []), detail]);
const any = (scopes: string[]) => (scopes.length === 1 ? scopes[0]! : `any of ${scopes.join(', ')}`);

function access(o: Endpoint, n: Endpoint, found: Findings): void {
  if (!o.public && n.public) add(found, 'authentication-removed', `now public (was: ${any(o.scopes)})`);
  else if (o.public && !n.public) add(found, 'authorization-tightened', `now needs ${any(n.scopes)} (was public)`);
  if (o.public || n.public) return;
  // `scopes` means "any one grants": a scope added is a new way in, a scope dropped is one fewer.
  const added = n.scopes.filter((s) => !o.scopes.includes(s));
  const dropped = o.scopes.filter((s) => !n.scopes.includes(s));
  if (added.length > 0) add(found, 'authorization-loosened', `now also granted by ${added.join(', ')} (was: ${any(o.scopes)})`);
  if (dropped.length > 0) add(found, 'authorization-tightened', `no longer granted by ${dropped.join(', ')}`);
}

/**
 * Query, header or cookie parameters: a schema compared as a body's is; one no longer required, or no
 * longer declared, lets through requests that were refused (loosened); one newly required or
 * declared constrains what was ignored (tightened).
 */
function namedParameters(o: Endpoint['query'], n: Endpoint['query'], roots: { old: Manifest['schemas']; new: Manifest['schemas'] }, place: string, deltas: SchemaDelta[]): void {
  for (const name of new Set([...Object.keys(o), ...Object.keys(n)])) {
    const at = `${place}/${name}`;
    const before = o[name];
    const after = n[name];
    if (after === undefined) deltas.push({ direction: 'loosened', at, what: `no longer declared${before!.required ? ' (was required)' : ''}` });
    else if (before === undefined) deltas.push({ direction: 'tightened', at, what: `now declared${after.required ? ', required' : ''}` });
    else {
      if (before.required && !after.required) deltas.push({ direction: 'loosened', at, what: 'no longer required' });
      if (!before.required && after.required) deltas.push({ direction: 'tightened', at, what: 'now required' });
      compareSchema(before.schema, after.schema, roots, at, deltas);
    }
  }
}

function request(old: Manifest, next: Manifest, o: Endpoint, n: Endpoint, found: Findings): void {
  const roots = { old: old.schemas, new: next.schemas };
  const deltas: SchemaDelta[] = [];
  if (o.body !== undefined || n.body !== undefined) compareSchema(o.body, n.body, roots, 'body', deltas);
  for (const name of Object.keys(o.params).filter((p) => p in n.params)) compareSchema(o.params[name], n.params[name], roots, `params/${name}`, deltas);
  for (const place of ['query', 'headers', 'cookies'] as const) namedParameters(o[place], n[place], roots, place, deltas);
  for (const d of deltas) add(found, d.direction === 'loosened' ? 'request-schema-loosened' : 'request-schema-tightened', `${d.at}: ${d.what}`);
}

function responses(old: Manifest, next: Manifest, o: Endpoint, n: Endpoint, found: Findings): void {
  for (const status of new Set([...Object.keys(o.responses), ...Object.keys(n.responses)])) {
    if (!(status in n.responses)) add(found, 'responses-changed', `${status} no longer documented`);
    else if (!(status in o.responses)) add(found, 'responses-changed', `${status} now documented`);
    else if (!sameJson(inline(o.responses[status], old.schemas), inline(n.responses[status], next.schemas))) add(found, 'responses-changed', `${status} body schema changed`);
  }
}

/** Everything that changed in one endpoint kept under the same id, by kind. */
export function diffEndpoint(old: Manifest, next: Manifest, o: Endpoint, n: Endpoint): Findings {
  const found: Findings = new Map();
  if (o.method !== n.method || o.path !== n.path) add(found, 'route-changed', `${o.method} ${o.path} → ${n.method} ${n.path}`);
  if (o.contentType !== n.contentType) add(found, 'route-changed', `request content type ${o.contentType} → ${n.contentType}`);
  access(o, n, found);
  request(old, next, o, n, found);
  responses(old, next, o, n, found);
  return found;
}

/** An endpoint's whole definition with its schemas expanded, for "did anything change at all". */
export function endpointFingerprint(manifest: Manifest, endpoint: Endpoint): string {
  const { line: _line, ...definition } = endpoint;
  return canonical(inline({ ...definition, scopes: [...definition.scopes].sort() }, manifest.schemas));
}
