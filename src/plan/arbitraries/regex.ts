/**
 * ajv compiles `pattern` with the `u` flag; we do the same so both sides agree on
 * what `.` and `\d` mean for astral characters. Invalid patterns yield `undefined`.
 */
const cache = new Map<string, RegExp | null>();

export function compileRegex(pattern: string): RegExp | undefined {
  let re = cache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      re = null;
    }
    cache.set(pattern, re);
  }
  return re ?? undefined;
}
