import { createHash } from 'node:crypto';
import type { Plan } from './case.ts';

/** Which of `count` shards a case belongs to (0-based), from a hash of its id alone. */
export function shardOf(caseId: string, count: number): number {
  // Keyed by id, never by position: a case stays in its shard whatever the seed or the other cases.
  return createHash('sha256').update(caseId).digest().readUInt32BE(0) % count;
}

/**
 * Shard `index` of `count` (1-based, as in `--shard 2/3`): the cases whose id hashes to it, in
 * plan order. The shards of a plan are disjoint and together hold every case exactly once.
 */
export function shardPlan(plan: Readonly<Plan>, index: number, count: number): Plan {
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 1 || index > count) {
    throw new RangeError(`shard ${index}/${count}: need whole numbers with 1 <= index <= count`);
  }
  return { ...plan, cases: plan.cases.filter((c) => shardOf(c.id, count) === index - 1) };
}
