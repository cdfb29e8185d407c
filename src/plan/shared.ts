/**
 * Values many cases hold equal copies of — an expectation, a credential — built once per manifest
 * and shared. A plan holds a hundred thousand cases, so a per-case copy of a 50-byte object is 5 MB.
 * Keyed weakly by what they were built from, so they go when it does, and by a string naming all
 * they depend on. Per-endpoint values live in endpointShares.ts: a Map per endpoint costs too much.
 *
 * Callers freeze what they share: every case reads it and a write through one case would change
 * others. Only objects built for sharing are frozen — never the manifest's arrays they point to.
 */
const memos = new WeakMap<object, Map<string, unknown>>();

export function shared<T>(owner: object, key: string, build: () => T): T {
  let memo = memos.get(owner);
  if (memo === undefined) memos.set(owner, (memo = new Map()));
  let value = memo.get(key) as T | undefined;
  if (value === undefined) memo.set(key, (value = build()));
  return value;
}

/**
 * The text as one flat string. `a + b` and template literals make V8 cons strings, a 32-byte node per
 * `+` that lives as long as the result; a joined array is built in one piece.
 */
export const flat = (...parts: string[]): string => parts.join('');
