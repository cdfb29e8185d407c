/**
 * A case's seed from the run seed and the case id (FNV-1a, 32 bits).
 * Keyed by id rather than position so adding an endpoint does not reshuffle every other case's inputs.
 */
export function deriveSeed(runSeed: number, caseId: string): number {
  let hash = 0x811c9dc5;
  const text = `${runSeed}:${caseId}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
