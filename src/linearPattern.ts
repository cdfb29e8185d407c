import { RE2JS } from 're2js';
import safeRegex from 'safe-regex2';

/** What a schema `pattern` needs of a regular expression: a yes or no for one text. */
export interface PatternTester {
  test(text: string): boolean;
}

const cache = new Map<string, PatternTester>();
const CACHE_LIMIT = 2_000;

/**
 * A document's `pattern`, matched in time linear in the text when backtracking could blow up.
 * Patterns come from documents nobody here wrote, and JavaScript's engine backtracks: on Azure's
 * `^[a-zA-Z0-9]+([._]?[a-zA-Z0-9]+)*$` forty characters and a `!` take minutes, so a document (in
 * planning) or a server's answer (in the response-schema check) could hang the harness. A pattern
 * safe-regex2 finds safe keeps the native engine (fast); the others run on re2js, a linear-time
 * engine, unless it cannot read them (lookarounds, back references), which keep the native one.
 * The same signature as ajv's `code.regExp` option, which every validator here passes it to.
 */
export function linearPattern(pattern: string, flags = 'u'): PatternTester {
  const key = `${flags}/${pattern}`;
  let tester = cache.get(key);
  if (tester === undefined) {
    tester = build(pattern, flags);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, tester);
  }
  return tester;
}
linearPattern.code = 'linearPattern';

function build(pattern: string, flags: string): PatternTester {
  const native = new RegExp(pattern, flags);
  if (safeRegex(native)) return native;
  const options = flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0;
  for (const source of [pattern, withSmallCounts(pattern)]) {
    if (source === undefined) continue;
    try {
      const re2 = RE2JS.compile(source, options);
      return { test: (text) => re2.test(text) };
    } catch {
      // the next form, or the native engine
    }
  }
  return native;
}

/** re2's largest repeat count: `{3,1016}` is refused by it (AWS SageMaker's URL patterns). */
const MAX_COUNT = 1000;

/**
 * The same pattern with every repeat count over re2's limit written as a run of smaller ones:
 * `X{3,1016}` is `X{3,1000}X{0,16}` (k repeats for every k from 3 to 1016, as before), so the
 * linear engine can take it; undefined when there is no such count or the pattern cannot be read
 * here. Left to the native engine, `^https:\/\/([.\-_a-zA-Z0-9]+\/?){3,1016}$` backtracks for
 * minutes on a few dozen characters.
 */
export function withSmallCounts(pattern: string): string | undefined {
  let out = '';
  /** Where, in `out`, the atom a quantifier would apply to starts. */
  let atom = -1;
  const groups: number[] = [];
  let changed = false;
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === '\\') {
      const escape = /^\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|[pP]\{[^}]*\}|k<[^>]*>|[\s\S])/u.exec(pattern.slice(i));
      if (!escape) return undefined;
      atom = out.length;
      out += escape[0];
      i += escape[0].length;
    } else if (c === '[') {
      const end = classEnd(pattern, i);
      if (end < 0) return undefined;
      atom = out.length;
      out += pattern.slice(i, end + 1);
      i = end + 1;
    } else if (c === '(') {
      groups.push(out.length);
      atom = -1;
      out += c;
      i++;
    } else if (c === ')') {
      const open = groups.pop();
      if (open === undefined) return undefined;
      out += c;
      atom = open;
      i++;
    } else if (c === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(i))) {
      const [text, low, , high] = /^\{(\d+)(,(\d*))?\}\??/.exec(pattern.slice(i))!;
      const min = Number(low);
      const max = high === undefined ? (text.includes(',') ? Infinity : min) : high === '' ? Infinity : Number(high);
      i += text.length;
      if (atom < 0 || (min <= MAX_COUNT && (max <= MAX_COUNT || max === Infinity))) {
        out += text;
        continue;
      }
      const body = out.slice(atom);
      // A copy of a named group would name it twice: the copies do not capture (a test needs no captures).
      const copy = body.replace(/^\(\?<(?![=!])[^>]*>/, '(?:');
      out = out.slice(0, atom) + splitCount(min, max).map((count, k) => (k === 0 ? body : copy) + count).join('');
      atom = -1;
      changed = true;
    } else {
      const code = pattern.codePointAt(i)!;
      const char = String.fromCodePoint(code);
      atom = '|^$'.includes(char) ? -1 : out.length;
      out += char;
      i += char.length;
    }
  }
  return changed && groups.length === 0 ? out : undefined;
}

/** Counts `{a,b}` that add up to exactly min..max repeats, none over MAX_COUNT. */
function splitCount(min: number, max: number): string[] {
  const counts: string[] = [];
  let low = min;
  let high = max;
  while (low > MAX_COUNT || (high > MAX_COUNT && high !== Infinity)) {
    const take = Math.min(low, MAX_COUNT);
    counts.push(take === MAX_COUNT ? `{${MAX_COUNT}}` : `{${take},${MAX_COUNT}}`);
    low -= take;
    high -= MAX_COUNT;
  }
  counts.push(high === Infinity ? `{${low},}` : `{${low},${high}}`);
  return counts;
}

/** The index of the `]` closing the character class opened at `start`, or -1. */
function classEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '^') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i;
  }
  return -1;
}
