import type { JsonSchema } from '../manifest/types.ts';
import { canonical, sameJson, sortedSet } from './canonical.ts';
import { inline, resolve } from './refs.ts';

/** One ranked difference between two request schemas, at a JSON pointer inside the request. */
export interface SchemaDelta {
  direction: 'loosened' | 'tightened';
  at: string;
  what: string;
}

type Obj = Record<string, unknown>;
type Roots = { old: Record<string, JsonSchema>; new: Record<string, JsonSchema> };

/** Raising one of these lets more through; lowering or removing one does too for the minimums. */
const LOWER = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties', 'minContains'];
const UPPER = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties', 'maxContains'];
/** Keywords that constrain nothing: editing them changes no answer the API owes. */
const ANNOTATIONS = new Set(['description', 'title', 'examples', 'example', 'default', '$comment', 'deprecated', 'readOnly', 'writeOnly', '$id', '$schema', '$anchor']);
/** Keywords ranked below; anything else that differs is reported as unranked. */
const RANKED = new Set([...LOWER, ...UPPER, 'pattern', 'format', 'required', 'enum', 'const', 'type', 'additionalProperties', 'properties', 'items', 'uniqueItems', 'multipleOf', '$ref']);

const types = (s: Obj) => (s.type === undefined ? undefined : sortedSet(Array.isArray(s.type) ? s.type : [s.type]));
/** A property schema that allows anything: declaring or dropping it constrains nothing. */
const isOpen = (s: unknown) => s === true || (typeof s === 'object' && s !== null && Object.keys(s).every((k) => ANNOTATIONS.has(k)));

function bounds(o: Obj, n: Obj, at: string, push: (d: SchemaDelta['direction'], what: string) => void): void {
  for (const key of [...LOWER, ...UPPER]) {
    const before = o[key] as number | undefined;
    const after = n[key] as number | undefined;
    if (before === after) continue;
    const lower = LOWER.includes(key);
    if (after === undefined) push('loosened', `${key} ${before} removed`);
    else if (before === undefined) push('tightened', `${key} ${after} added`);
    else push(after < before === lower ? 'loosened' : 'tightened', `${key} ${after > before ? 'raised' : 'lowered'} ${before} → ${after}`);
  }
}

/** A keyword whose values cannot be ordered: gone is looser, new is tighter, changed counts as looser. */
function opaque(key: string, o: Obj, n: Obj, push: (d: SchemaDelta['direction'], what: string) => void): void {
  if (sameJson(o[key], n[key])) return;
  if (n[key] === undefined) push('loosened', `${key} ${canonical(o[key])} removed`);
  else if (o[key] === undefined) push('tightened', `${key} ${canonical(n[key])} added`);
  else push('loosened', `${key} changed ${canonical(o[key])} → ${canonical(n[key])} (a changed ${key} may accept more)`);
}

function sets(o: Obj, n: Obj, push: (d: SchemaDelta['direction'], what: string) => void): void {
  const req = (s: Obj) => (Array.isArray(s.required) ? (s.required as string[]) : []);
  for (const r of req(o).filter((x) => !req(n).includes(x))) push('loosened', `"${r}" no longer required`);
  for (const r of req(n).filter((x) => !req(o).includes(x))) push('tightened', `"${r}" now required`);
  if (Array.isArray(o.enum) || Array.isArray(n.enum)) {
    if (!Array.isArray(n.enum)) push('loosened', 'enum removed');
    else if (!Array.isArray(o.enum)) push('tightened', `enum ${canonical(n.enum)} added`);
    else {
      const before = sortedSet(o.enum);
      const after = sortedSet(n.enum);
      const added = after.filter((v) => !before.includes(v));
      const dropped = before.filter((v) => !after.includes(v));
      if (added.length > 0) push('loosened', `enum now also allows ${added.join(', ')}`);
      if (dropped.length > 0) push('tightened', `enum no longer allows ${dropped.join(', ')}`);
    }
  }
  const [tb, ta] = [types(o), types(n)];
  if (tb !== undefined || ta !== undefined) {
    if (ta === undefined) push('loosened', `type ${tb!.join('|')} removed`);
    else if (tb === undefined) push('tightened', `type ${ta.join('|')} added`);
    else {
      if (ta.some((t) => !tb.includes(t))) push('loosened', `type widened ${tb.join('|')} → ${ta.join('|')}`);
      if (tb.some((t) => !ta.includes(t))) push('tightened', `type narrowed ${tb.join('|')} → ${ta.join('|')}`);
    }
  }
  if (o.uniqueItems === true && n.uniqueItems !== true) push('loosened', 'uniqueItems removed');
  if (n.uniqueItems === true && o.uniqueItems !== true) push('tightened', 'uniqueItems added');
}

function children(o: Obj, n: Obj, at: string, roots: Roots, out: SchemaDelta[], depth: number): void {
  const op = (o.properties ?? {}) as Obj;
  const np = (n.properties ?? {}) as Obj;
  for (const key of new Set([...Object.keys(op), ...Object.keys(np)])) {
    const where = `${at}/${key}`;
    if (key in op && key in np) compareSchema(op[key] as JsonSchema, np[key] as JsonSchema, roots, where, out, depth + 1);
    else if (key in op) {
      // Undeclared now: refused outright if extra members are, else accepted with no constraints.
      if (n.additionalProperties === false) out.push({ direction: 'tightened', at: where, what: 'property no longer accepted' });
      else if (!isOpen(op[key])) out.push({ direction: 'loosened', at: where, what: 'property declaration (and its constraints) removed' });
    } else if (o.additionalProperties === false) out.push({ direction: 'loosened', at: where, what: 'new property accepted' });
    else if (!isOpen(np[key])) out.push({ direction: 'tightened', at: where, what: 'property now constrained' });
  }
  const [oa, na] = [o.additionalProperties, n.additionalProperties];
  if (oa === false && na !== false) out.push({ direction: 'loosened', at, what: 'additionalProperties: false removed' });
  else if (na === false && oa !== false) out.push({ direction: 'tightened', at, what: 'additionalProperties: false added' });
  else if (typeof oa === 'object' && typeof na === 'object') compareSchema(oa as JsonSchema, na as JsonSchema, roots, `${at}/*`, out, depth + 1);
  else if (!sameJson(oa, na)) out.push({ direction: isOpen(na) ? 'loosened' : 'tightened', at, what: `additionalProperties ${canonical(oa)} → ${canonical(na)}` });
  if (o.items !== undefined || n.items !== undefined) {
    if (n.items === undefined) out.push({ direction: 'loosened', at: `${at}/items`, what: 'items schema removed' });
    else if (o.items === undefined) out.push({ direction: 'tightened', at: `${at}/items`, what: 'items schema added' });
    else compareSchema(o.items as JsonSchema, n.items as JsonSchema, roots, `${at}/items`, out, depth + 1);
  }
}

/**
 * Ranks how a request schema changed, recursively through properties and items, after resolving
 * `$ref`s into each manifest's `schemas`. Anything it cannot rank (allOf, oneOf, a changed
 * pattern…) counts as loosened: a security gate must not wave an unknown change through.
 */
export function compareSchema(before: JsonSchema | undefined, after: JsonSchema | undefined, roots: Roots, at: string, out: SchemaDelta[] = [], depth = 0): SchemaDelta[] {
  const o = resolve(before, roots.old);
  const n = resolve(after, roots.new);
  // Compared with references expanded: the same `$ref` text may point at a schema that changed.
  if (depth > 32 || sameJson(inline(o, roots.old), inline(n, roots.new))) return out;
  if (o === undefined || n === undefined) {
    out.push({ direction: n === undefined ? 'loosened' : 'tightened', at, what: n === undefined ? 'schema removed' : 'schema added' });
    return out;
  }
  if (typeof o === 'boolean' || typeof n === 'boolean') {
    out.push({ direction: n === true || o === false ? 'loosened' : 'tightened', at, what: `schema ${canonical(o)} → ${canonical(n)}` });
    return out;
  }
  const push = (direction: SchemaDelta['direction'], what: string) => out.push({ direction, at, what });
  bounds(o, n, at, push);
  for (const key of ['pattern', 'format', 'const', 'multipleOf']) opaque(key, o, n, push);
  sets(o, n, push);
  children(o, n, at, roots, out, depth);
  for (const key of new Set([...Object.keys(o), ...Object.keys(n)])) {
    if (RANKED.has(key) || ANNOTATIONS.has(key) || sameJson(o[key], n[key])) continue;
    push('loosened', `${key} changed (the diff cannot rank it, so it counts as loosening)`);
  }
  return out;
}
