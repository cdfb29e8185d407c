import { pointerSegments } from '../manifest/locate.ts';
import { defineCheck } from './check.ts';
import { parsedBody } from './mediaType.ts';

/** Volatile members as a tree of names: `true` marks a member to leave out, a subtree a member to descend into. */
type VolatileTree = Map<string, VolatileTree | true>;

const trees = new WeakMap<readonly string[], VolatileTree>();

/** The contract's volatile entries (names at the top level, or JSON pointers), as a tree; built once per contract. */
function volatileTree(volatile: readonly string[]): VolatileTree {
  let tree = trees.get(volatile);
  if (tree) return tree;
  tree = new Map();
  for (const entry of volatile) {
    const segments = entry.startsWith('/') ? pointerSegments(entry) : [entry];
    let node = tree;
    for (const [i, segment] of segments.entries()) {
      if (i === segments.length - 1) {
        node.set(segment, true);
        break;
      }
      let next = node.get(segment);
      if (next === true) break;
      if (next === undefined) node.set(segment, (next = new Map()));
      node = next;
    }
  }
  trees.set(volatile, tree);
  return tree;
}

/**
 * Canonical JSON with sorted keys, so member order is not mistaken for a difference, leaving out
 * the volatile members as it goes (no copy of the body is made).
 */
function canonical(value: unknown, skip?: VolatileTree): string {
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const sub = skip?.get(String(i));
      if (sub !== true) items.push(canonical(value[i], sub));
    }
    return `[${items.join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const members: string[] = [];
    for (const k of Object.keys(value).sort()) {
      const sub = skip?.get(k);
      if (sub !== true) members.push(`${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k], sub)}`);
    }
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The same refused request, sent twice, gets the same status, challenge and body (volatile members aside). */
export const deterministicCheck = defineCheck({
  id: 'deterministic',
  title: 'The same request gets the same answer',
  run({ responses, contract }) {
    if (responses.length < 2) return [];
    const [a, b] = responses as [typeof responses[0] & object, typeof responses[0] & object];
    // The contract is about refusals; a served answer to a refusal case is the status check's finding,
    // and a served body may rightly change between two sends (other cases write concurrently).
    if (a.status < 400 && b.status < 400) return [];
    if (a.status !== b.status) return [{ code: 'NONDETERMINISTIC_STATUS', message: `first ${a.status}, then ${b.status}` }];
    const findings: { code: 'NONDETERMINISTIC_BODY'; message: string }[] = [];
    if ((a.headers['www-authenticate'] ?? '') !== (b.headers['www-authenticate'] ?? '')) {
      findings.push({ code: 'NONDETERMINISTIC_BODY', message: 'the WWW-Authenticate challenge differs between two identical requests' });
    }
    const pa = parsedBody(a);
    const pb = parsedBody(b);
    const same = pa.ok && pb.ok
      ? canonical(pa.value, volatileTree(contract.volatile)) === canonical(pb.value, volatileTree(contract.volatile))
      : a.body === b.body;
    if (!same) {
      findings.push({ code: 'NONDETERMINISTIC_BODY', message: `the ${a.status} body differs between two identical requests beyond the volatile members [${contract.volatile.join(', ')}]` });
    }
    return findings;
  },
});
