import type { Manifest } from '../manifest/types.ts';
import { sameJson, sortedSet } from './canonical.ts';
import { diffEndpoint, type Findings } from './diffEndpoint.ts';
import { WHOLE_MANIFEST, type Change, type ChangeKind, type Severity } from './kinds.ts';

const SEVERITY: Record<ChangeKind, Severity> = {
  'endpoint-added': 'low',
  'endpoint-removed': 'low',
  'authentication-removed': 'high',
  'authorization-loosened': 'high',
  'authorization-tightened': 'low',
  'error-contract-changed': 'medium',
  'request-schema-loosened': 'medium',
  'request-schema-tightened': 'low',
  'limits-changed': 'low',
  'responses-changed': 'low',
  'route-changed': 'medium',
};
const LOOSENING = new Set<ChangeKind>(['authentication-removed', 'authorization-loosened', 'request-schema-loosened']);

function errorContract(old: Manifest, next: Manifest): string[] {
  const [o, n] = [old.errors, next.errors];
  const details: string[] = [];
  if (o.contentType !== n.contentType) details.push(`content type ${o.contentType} → ${n.contentType}`);
  if (!sameJson(o.schema, n.schema)) details.push('error schema changed');
  if (o.statusMember !== n.statusMember) details.push(`statusMember ${o.statusMember ?? 'none'} → ${n.statusMember ?? 'none'}`);
  if (!sameJson(sortedSet(o.volatile), sortedSet(n.volatile))) details.push(`volatile [${o.volatile.join(', ')}] → [${n.volatile.join(', ')}]`);
  for (const key of Object.keys(o.statuses) as (keyof typeof o.statuses)[]) {
    if (!sameJson(sortedSet(o.statuses[key]), sortedSet(n.statuses[key]))) details.push(`statuses.${key} ${o.statuses[key].join('|')} → ${n.statuses[key].join('|')}`);
  }
  return details;
}

function limits(old: Manifest, next: Manifest): Change | undefined {
  const [o, n] = [old.limits.maxBodyBytes, next.limits.maxBodyBytes];
  if (o === n) return undefined;
  // A higher or removed limit lets bigger bodies through: that is the loosening a reviewer must accept.
  const looser = n === undefined || (o !== undefined && n > o);
  const detail = `maxBodyBytes ${o ?? 'none'} → ${n ?? 'none'}`;
  return { kind: 'limits-changed', severity: looser ? 'medium' : 'low', endpoint: WHOLE_MANIFEST, details: [detail], loosening: looser };
}

const route = (e: { method: string; path: string }) => `${e.method} ${e.path}`;

/**
 * Compares two validated, normalised manifests (never their text): endpoints are matched by id,
 * lists that mean sets are compared as sets, objects by content, so reordering, comments and
 * formatting change nothing. `old` undefined (the file did not exist) makes every endpoint added.
 */
export function diffManifests(old: Manifest | undefined, next: Manifest): Change[] {
  const changes: Change[] = [];
  const push = (endpoint: string, r: string | undefined, found: Findings) => {
    for (const [kind, details] of found) changes.push({ kind, severity: SEVERITY[kind], endpoint, ...(r && { route: r }), details, loosening: LOOSENING.has(kind) });
  };
  const before = new Map((old?.endpoints ?? []).map((e) => [e.id, e]));
  const after = new Set(next.endpoints.map((e) => e.id));
  for (const n of next.endpoints) {
    const o = before.get(n.id);
    if (o === undefined) {
      const access = n.public ? 'public' : `needs ${n.scopes.join(' or ')}`;
      changes.push({ kind: 'endpoint-added', severity: n.public ? 'medium' : 'low', endpoint: n.id, route: route(n), details: [`new endpoint (${access})`], loosening: false });
    } else push(n.id, route(n), diffEndpoint(old!, next, o, n));
  }
  for (const o of old?.endpoints ?? []) {
    if (!after.has(o.id)) changes.push({ kind: 'endpoint-removed', severity: 'low', endpoint: o.id, route: route(o), details: ['endpoint removed from the manifest (no longer tested)'], loosening: false });
  }
  if (old !== undefined) {
    const errors = errorContract(old, next);
    if (errors.length > 0) changes.push({ kind: 'error-contract-changed', severity: 'medium', endpoint: WHOLE_MANIFEST, details: errors, loosening: false });
    const limit = limits(old, next);
    if (limit) changes.push(limit);
  }
  return changes;
}
