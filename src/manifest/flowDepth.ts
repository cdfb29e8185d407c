/** Deeper than any real manifest (a JSON Schema nests two brackets per level), far below what strains the parser. */
export const MAX_FLOW_DEPTH = 128;

/**
 * Finds where `[`/`{` nesting first passes `limit`, scanning the raw text once.
 * Why before parsing: the YAML parser spends seconds and hundreds of MiB on a megabyte of `[`,
 * so runaway nesting is refused by this linear scan. Quoted strings and comments are skipped;
 * brackets inside plain values (`^[a-z]+$`) balance, so they never add up.
 */
export function flowDepthExceeded(text: string, limit = MAX_FLOW_DEPTH): number | undefined {
  let depth = 0;
  let quote: '"' | "'" | undefined;
  let previous = '\n'; // last character outside a string that was not a space
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote === '"') {
      if (ch === '\\') i++;
      else if (ch === '"') quote = undefined;
      continue;
    }
    if (quote === "'") {
      if (ch === "'" && text[i + 1] === "'") i++;
      else if (ch === "'") quote = undefined;
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end - 1;
      continue;
    }
    // A quote opens a string only where a value starts; inside a plain value it is an ordinary character.
    if ((ch === '"' || ch === "'") && /[\n:,[{\-?]/.test(previous)) quote = ch;
    else if (ch === '[' || ch === '{') {
      if (++depth > limit) return i;
    } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
    if (ch !== ' ' && ch !== '\t' && ch !== '\r') previous = ch;
  }
  return undefined;
}
