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
  try {
    const re2 = RE2JS.compile(pattern, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
    return { test: (text) => re2.test(text) };
  } catch {
    return native;
  }
}
