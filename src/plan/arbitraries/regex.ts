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

/**
 * The pattern without lookaround groups (`(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`),
 * which fast-check's stringMatching cannot generate from. Matches of the result
 * are candidates only: callers still test them against the full pattern.
 * Password rules like `^(?=.*\d)(?=.*[a-z])[a-z0-9]{8,}$` become `^[a-z0-9]{8,}$`.
 */
export function withoutLookarounds(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out += pattern.slice(i, i + 2);
      i++;
    } else if (inClass) {
      inClass = c !== ']';
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === '(' && /^\(\?<?[=!]/.test(pattern.slice(i, i + 4))) {
      i = closingParen(pattern, i);
    } else out += c;
  }
  return out;
}

/** Index of the `)` closing the group opened at `open`, skipping escapes and classes. */
function closingParen(pattern: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return pattern.length;
}
