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

/** ASCII and Latin-1 members of a few Unicode properties: subsets, so every string drawn from them has the property. */
const PROPERTY_SUBSETS: Record<string, string> = {
  L: 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF',
  Letter: 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF',
  Lu: 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE',
  Ll: 'a-z\\u00DF-\\u00F6\\u00F8-\\u00FF',
  N: '0-9',
  Number: '0-9',
  Nd: '0-9',
  Z: ' ',
  Zs: ' ',
  M: '\\u0300-\\u036F',
  Mn: '\\u0300-\\u036F',
  P: '!-#%-*,-/:;?@\\[-\\]_{}',
  S: '$+<->^`|~',
  // negated properties (`\P{M}`, AWS Translate's `[\P{M}\p{M}]{1,10000}`): printable ASCII members,
  // where fast-check would build a table of a million code points (300 MB for that one pattern)
  '^M': ' -~',
  '^Mn': ' -~',
  '^C': ' -~',
  '^Cc': ' -~',
  '^Z': '!-~',
  '^L': '0-9!-/:-@\\[-`{-~',
  '^N': 'A-Za-z!-/:-@\\[-`{-~',
};

/**
 * A pattern to draw candidate strings from, matching a subset of what `pattern` matches, cheap for
 * fast-check to build. Two costs it removes, both measured on AWS descriptions: fast-check builds a
 * `\p{L}` class by testing every code point (0.5 s each), so `\p{L}`, `\p{N}`, `\p{Z}`, `\P{M}` and
 * a few more become their ASCII and Latin-1 members (outside negated classes); and it builds a quantified
 * group holding a single quantified atom, `([a-z-]+)?`, as strings of strings (1 s each), so such a
 * group gets an empty `a{0}` in front, which matches the same. Callers still test every drawn string
 * against `pattern` itself; a rewrite that does not compile is not used.
 */
/** Printable ASCII and Latin-1 letters: what a negated class is drawn from. */
const PRINTABLE = [...Array.from({ length: 0x7f - 0x20 }, (_, k) => 0x20 + k), ...Array.from({ length: 0x100 - 0xc0 }, (_, k) => 0xc0 + k)].map((cp) => String.fromCodePoint(cp));

/**
 * The negated class opening at `start` (`[^/]`, `[^\p{C}]`) as the class of its printable members,
 * each tested against the class itself; undefined when it has none or does not compile alone.
 * fast-check draws a negated class from a table of every code point outside it (a million for
 * `[^\p{C}]`: 500 MB for AWS IoT's comments).
 */
function printableMembers(pattern: string, start: number): { cls: string; end: number } | undefined {
  let end = start + 2;
  for (; end < pattern.length && pattern[end] !== ']'; end++) if (pattern[end] === '\\') end++;
  if (end >= pattern.length) return undefined;
  let test: RegExp;
  try {
    test = new RegExp(`^${pattern.slice(start, end + 1)}$`, 'u');
  } catch {
    return undefined;
  }
  const members = PRINTABLE.filter((ch) => test.test(ch));
  if (members.length === 0) return undefined;
  const escape = (ch: string) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`;
  return { cls: `[${members.map(escape).join('')}]`, end };
}

export function generationPattern(pattern: string): string {
  let out = '';
  let inClass = false;
  let negated = false;
  const opens: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const property = /^\\([pP])\{(\w+)\}/.exec(pattern.slice(i));
      const subset = property ? PROPERTY_SUBSETS[`${property[1] === 'P' ? '^' : ''}${property[2]!}`] : undefined;
      if (property && subset !== undefined && !negated) {
        out += inClass ? subset : `[${subset}]`;
        i += property[0].length - 1;
      } else {
        out += pattern.slice(i, i + 2);
        i++;
      }
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = negated = false;
      out += c;
      continue;
    }
    if (c === '[') {
      negated = pattern[i + 1] === '^';
      const printable = negated ? printableMembers(pattern, i) : undefined;
      if (printable) {
        out += printable.cls;
        i = printable.end;
        negated = false;
        continue;
      }
      inClass = true;
    } else if (c === '(') {
      // lookarounds are left as they are: fast-check refuses them, and withoutLookarounds deals with that
      const lookaround = /^\(\?<?[=!]/.test(pattern.slice(i, i + 4));
      const head = lookaround ? '' : (/^\(\?(?::|<[A-Za-z_$][\w$]*>)/.exec(pattern.slice(i))?.[0] ?? '(');
      if (head) {
        out += head;
        i += head.length - 1;
        opens.push(out.length);
        continue;
      }
      opens.push(-1);
    } else if (c === ')') {
      const start = opens.pop();
      if (start !== undefined && start >= 0 && /^[?*+{]/.test(pattern.slice(i + 1))) out = `${out.slice(0, start)}a{0}${out.slice(start)}`;
    }
    out += c;
  }
  return compileRegex(out) ? out : pattern;
}
