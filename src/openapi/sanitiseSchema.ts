import type { JsonObject } from './json.ts';

const TYPES = new Set(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']);
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const validRegex = (v: unknown) => {
  if (typeof v !== 'string') return false;
  try {
    // ajv compiles patterns with the u flag (ECMA-262 §22.2): what fails here fails there.
    new RegExp(v, 'u');
    return true;
  } catch {
    return false;
  }
};

/** Characters the u flag lets a backslash escape outside a character class (ECMA-262 §22.2.1, SyntaxCharacter and /). */
const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));

/**
 * A pattern written for engines without the u flag, rewritten so the u flag (ajv's) accepts it with
 * the same meaning: a backslash before a character that is not a letter, digit or syntax character
 * (`\_`, `\@`, `\-` outside a class) is an identity escape there, the character itself, and the u
 * flag refuses it. Undefined when the pattern is not valid without the u flag either, or needs more
 * than that (such patterns are left out, as before).
 */
export function unicodeSafePattern(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
  } catch {
    return undefined;
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      const next = pattern[i + 1]!;
      const identity = !/[A-Za-z0-9]/.test(next) && !SYNTAX.has(next) && !(inClass && next === '-');
      out += identity ? next : c + next;
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return validRegex(out) ? out : undefined;
}

/**
 * The body of a pattern written as a regular expression literal, `/^\d{4}$/` or `/^[a-z]+$/i`
 * (PHP's and JavaScript's habit), when the pattern as written admits no string: an anchor right
 * after the opening slash or right before the closing one cannot match. Undefined otherwise, so a
 * pattern that really means a slash is left alone.
 */
export function regexLiteralBody(pattern: string): { source: string; flags: string } | undefined {
  const m = /^\/(.+)\/([dgimsuvy]*)$/s.exec(pattern);
  if (!m) return undefined;
  const [, source, flags] = m as unknown as [string, string, string];
  if (!(source.startsWith('^') || (source.endsWith('$') && !source.endsWith('\\$')))) return undefined;
  if (flags.includes('m')) return undefined;
  try {
    new RegExp(source);
  } catch {
    return undefined;
  }
  return { source, flags };
}

/** What each keyword's value must be for JSON Schema 2020-12 (the manifest's dialect). */
const RULES: Record<string, { ok: (v: unknown) => boolean; want: string }> = {
  type: { ok: (v) => (typeof v === 'string' && TYPES.has(v)) || (Array.isArray(v) && v.length > 0 && v.every((t) => typeof t === 'string' && TYPES.has(t))), want: 'a JSON type name or a list of them' },
  pattern: { ok: validRegex, want: 'a regular expression in a string' },
  format: { ok: (v) => typeof v === 'string', want: 'a string' },
  required: { ok: (v) => Array.isArray(v) && v.every((r) => typeof r === 'string'), want: 'a list of property names' },
  enum: { ok: Array.isArray, want: 'a list' },
  multipleOf: { ok: (v) => isNumber(v) && (v as number) > 0, want: 'a number above 0' },
  ...Object.fromEntries(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].map((k) => [k, { ok: isNumber, want: 'a number' }])),
  ...Object.fromEntries(['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'].map((k) => [k, { ok: isCount, want: 'a non-negative integer' }])),
  ...Object.fromEntries(['uniqueItems', 'readOnly', 'writeOnly', 'deprecated'].map((k) => [k, { ok: (v: unknown) => typeof v === 'boolean', want: 'true or false' }])),
};

/**
 * A schema object with every keyword whose value JSON Schema refuses left out, each with a sentence
 * for a warning (the caller adds where). `examples` as OpenAPI writes it elsewhere (a map of
 * Example Objects) becomes the list JSON Schema wants, from the examples' values.
 */
export function sanitiseSchema(schema: JsonObject, tell: (message: string, affects?: 'coverage') => void): JsonObject {
  const out = { ...schema };
  const literal = typeof out.pattern === 'string' ? regexLiteralBody(out.pattern) : undefined;
  if (literal !== undefined) {
    tell(`the pattern ${JSON.stringify(out.pattern).slice(0, 60)} is written as a regular expression literal (/…/${literal.flags}); as written no string matches it (an anchor beside a slash), so it is read without the slashes${literal.flags.includes('i') ? ', and case-sensitively: JSON Schema has no flags' : ''}. Write the pattern without delimiters in the document.`);
    out.pattern = literal.source;
  }
  const repaired = typeof out.pattern === 'string' && !validRegex(out.pattern) ? unicodeSafePattern(out.pattern) : undefined;
  if (repaired !== undefined) {
    // Same meaning, so nothing about the cases changes: a note, for whoever fixes the document.
    tell(`the pattern ${JSON.stringify(out.pattern).slice(0, 60)} escapes characters the u flag (JSON Schema's regular expressions) refuses; it is read as ${JSON.stringify(repaired).slice(0, 60)}, the same pattern.`, 'coverage');
    out.pattern = repaired;
  }
  for (const [key, rule] of Object.entries(RULES)) {
    if (!(key in out) || rule.ok(out[key])) continue;
    tell(`the schema keyword "${key}" is ${JSON.stringify(out[key])?.slice(0, 60)}, not ${rule.want}; it is left out. Fix the document.`);
    delete out[key];
  }
  // `type: array` with an enum of single values (the BBC's `mixin`): no value satisfies that as
  // written; the author meant the items' enum. Read so, with a warning: it is a guess at the meaning.
  if (out.type === 'array' && Array.isArray(out.enum) && out.enum.length > 0 && out.enum.every((v) => !Array.isArray(v))) {
    const items = out.items !== null && typeof out.items === 'object' && !Array.isArray(out.items) ? (out.items as JsonObject) : {};
    if (!('enum' in items)) {
      tell(`"enum" lists single values (${JSON.stringify(out.enum).slice(0, 60)}) on an array, which no array can equal; it is read as the enum of the array's items. Move it under "items" in the document.`);
      out.items = { ...items, enum: out.enum };
      delete out.enum;
    }
  }
  const examples = out.examples;
  if (examples !== undefined && !Array.isArray(examples)) {
    const values = examples !== null && typeof examples === 'object' ? Object.values(examples).flatMap((e) => (e !== null && typeof e === 'object' && 'value' in e ? [(e as JsonObject).value] : [])) : [];
    if (values.length > 0) out.examples = values;
    else delete out.examples;
    tell(`"examples" is a map (OpenAPI's Example Objects), where a schema takes a list; ${values.length > 0 ? 'their values are kept as the list' : 'it is left out'}. Use "example", or a list, in a schema.`);
  }
  return out;
}
