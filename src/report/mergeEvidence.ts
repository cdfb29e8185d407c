import type { DriftItem } from '../model/drift.ts';
import { countVerdicts } from './countVerdicts.ts';
import type { EvidenceDocument, EvidenceMatrix } from './evidence.ts';

/** Why shards cannot be merged; each line names one problem. */
export class MergeError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cannot merge these evidence files:\n  ${problems.join('\n  ')}`);
    this.name = 'MergeError';
  }
}

function checkParts(parts: readonly EvidenceDocument[]): void {
  const problems: string[] = [];
  const first = parts[0];
  if (!first) throw new MergeError(['no evidence files given']);
  const count = first.run.shard?.count;
  const seen = new Map<number, number>();
  for (const [i, p] of parts.entries()) {
    const name = `file ${i + 1}`;
    if (!p.run.shard) problems.push(`${name} is not a shard (run with --shard i/n)`);
    else if (p.run.shard.count !== count) problems.push(`${name} is shard ${p.run.shard.index}/${p.run.shard.count}, the first is of ${count}`);
    else seen.set(p.run.shard.index, (seen.get(p.run.shard.index) ?? 0) + 1);
    if (p.schemaVersion.split('.')[0] !== first.schemaVersion.split('.')[0]) problems.push(`${name} has evidence schema ${p.schemaVersion}, the first ${first.schemaVersion}`);
    if (p.run.seed !== first.run.seed) problems.push(`${name} ran with seed ${p.run.seed}, the first with ${first.run.seed}`);
    if (p.run.service !== first.run.service) problems.push(`${name} is for ${p.run.service}, the first for ${first.run.service}`);
    if (p.manifest.sha256 !== first.manifest.sha256) problems.push(`${name} ran another manifest (sha256 ${p.manifest.sha256.slice(0, 12)}…)`);
  }
  if (count !== undefined) {
    for (let index = 1; index <= count; index++) {
      const n = seen.get(index) ?? 0;
      if (n === 0) problems.push(`shard ${index}/${count} is missing`);
      if (n > 1) problems.push(`shard ${index}/${count} is given ${n} times`);
    }
  }
  if (problems.length > 0) throw new MergeError(problems);
}

/** The matrix of the whole plan: every shard's cells, endpoints in the order their first cell was planned. */
function mergeMatrix(parts: readonly EvidenceDocument[], order: Map<string, number>): EvidenceMatrix {
  const cells = parts.flatMap((p) => p.scopeMatrix.cells).sort((a, b) => (order.get(a.caseId) ?? 0) - (order.get(b.caseId) ?? 0));
  const endpoints = new Map<string, string>();
  for (const c of cells) if (!endpoints.has(c.endpointId)) endpoints.set(c.endpointId, c.route);
  return { scopes: [...parts[0]!.scopeMatrix.scopes], endpoints: [...endpoints].map(([id, route]) => ({ id, route })), cells };
}

/** Merged shards are incomplete when any shard is: each incomplete shard says why. */
function incompleteOf(shards: readonly EvidenceDocument[]): { incomplete?: string } {
  const reasons = shards.filter((p) => p.run.incomplete !== undefined).map((p) => `shard ${p.run.shard!.index}/${p.run.shard!.count}: ${p.run.incomplete}`);
  return reasons.length > 0 ? { incomplete: reasons.join('; ') } : {};
}

/**
 * One evidence document from every shard of a run: cases back in plan order, counts recomputed
 * with the same rule as a run, so the merge renders exactly like the unsharded run would.
 * Throws MergeError unless the files are the complete set of shards of one seed and manifest.
 */
export function mergeEvidence(parts: readonly EvidenceDocument[]): EvidenceDocument {
  checkParts(parts);
  const shards = [...parts].sort((a, b) => a.run.shard!.index - b.run.shard!.index);
  const first = shards[0]!;
  const cases = shards.flatMap((p) => p.cases).sort((a, b) => a.index - b.index);
  const duplicate = cases.find((c, i) => i > 0 && cases[i - 1]!.id === c.id);
  if (duplicate) throw new MergeError([`case ${duplicate.id} is in more than one shard`]);
  const order = new Map(cases.map((c) => [c.id, c.index]));
  const startedAt = shards.map((p) => p.run.startedAt).sort()[0]!;
  const finishedAt = shards.map((p) => p.run.finishedAt).sort().at(-1)!;
  const hostnames = [...new Set(shards.map((p) => p.environment.hostname))];
  const withBaseline = shards.filter((p) => p.baseline);
  const drift: DriftItem[] = withBaseline.flatMap((p) => p.baseline!.drift).sort((a, b) => (order.get(a.caseId) ?? Infinity) - (order.get(b.caseId) ?? Infinity));
  const rotation = shards.find((p) => p.rotation)?.rotation;
  return {
    schemaVersion: first.schemaVersion,
    tool: { ...first.tool },
    run: {
      service: first.run.service,
      seed: first.run.seed,
      startedAt,
      finishedAt,
      durationMs: Date.parse(finishedAt) - Date.parse(startedAt),
      ...incompleteOf(shards),
      ...(shards.some((p) => p.run.require) ? { require: [...new Set(shards.flatMap((p) => p.run.require ?? []))] } : {}),
      shards: shards.map((p) => ({ ...p.run.shard!, startedAt: p.run.startedAt, finishedAt: p.run.finishedAt, hostname: p.environment.hostname })),
    },
    manifest: { ...first.manifest },
    environment: { ...first.environment, hostname: hostnames.join(', ') },
    ...countVerdicts(cases),
    cases,
    scopeMatrix: mergeMatrix(shards, order),
    ...(rotation ? { rotation } : {}),
    warnings: [...new Set(shards.flatMap((p) => p.warnings))],
    ...(withBaseline[0] ? { baseline: { file: withBaseline[0].baseline!.file, seed: withBaseline[0].baseline!.seed, drift } } : {}),
  };
}
