import { withCases } from './withCases.ts';
import { createHash } from 'node:crypto';
import type { Case, Plan } from './case.ts';

/** Which of `count` shards a key belongs to (0-based), from its SHA-256. */
export function shardOf(key: string, count: number): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) % count;
}

/**
 * What a case is partitioned by: its id — never its position, so a case stays in its shard
 * whatever the seed or the other cases. The rotation drill is one sequence (issue, probe, revoke,
 * probe) sharing its tokens, so all its steps share one key and land in the same shard; so do an
 * owned object's create step, control and probes.
 */
export const shardKey = (c: Case) => (c.rotation !== undefined ? 'rotation-drill' : c.ownership !== undefined ? `ownership ${c.ownership.placeholder}` : c.id);

/**
 * Shard `index` of `count` (1-based, as in `--shard 2/3`): the cases whose key hashes to it, in
 * plan order. The shards of a plan are disjoint and together hold every case exactly once.
 */
export function shardPlan(plan: Readonly<Plan>, index: number, count: number): Plan {
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 1 || index > count) {
    throw new RangeError(`shard ${index}/${count}: need whole numbers with 1 <= index <= count`);
  }
  const cases = plan.cases.filter((c) => shardOf(shardKey(c), count) === index - 1);
  // Only the shard holding the drill issues its token; other credentials are cheap and all revoked at the end.
  return withCases(plan, cases);
}
