/** Pieces smaller than this are handed to JSON.parse whole. */
const PIECE = 1 << 20;

/**
 * How many levels are split, at most: each level reads its bytes once more, so text nested a million
 * deep would otherwise be read a million times. Three reach an OpenAPI document's operations.
 */
const SPLIT_LEVELS = 3;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Where the string opened at `start` ends (one past its closing quote), or -1. */
function stringEnd(bytes: Buffer, start: number, end: number): number {
  let i = start + 1;
  for (;;) {
    const quote = bytes.indexOf(QUOTE, i);
    if (quote < 0 || quote >= end) return -1;
    let slashes = 0;
    while (bytes[quote - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/** Where the value starting at `start` ends, or -1. Only the structure is read; JSON.parse judges the rest. */
function valueEnd(bytes: Buffer, start: number, end: number): number {
  const first = bytes[start];
  if (first === QUOTE) return stringEnd(bytes, start, end);
  if (first !== 0x7b && first !== 0x5b) {
    let i = start;
    while (i < end && bytes[i] !== 0x2c && bytes[i] !== 0x7d && bytes[i] !== 0x5d && !isSpace(bytes[i]!)) i++;
    return i;
  }
  let depth = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === QUOTE) {
      i = stringEnd(bytes, i, end) - 1;
      if (i < 0) return -1;
    } else if (b === 0x7b || b === 0x5b) depth++;
    else if (b === 0x7d || b === 0x5d) {
      if (--depth === 0) return i + 1;
    }
  }
  return -1;
}

function skipSpace(bytes: Buffer, i: number, end: number): number {
  while (i < end && isSpace(bytes[i]!)) i++;
  return i;
}

class NotPieceable extends Error {}

/** The value in bytes[start, end), which holds exactly one value and no surrounding space. */
function parseValue(bytes: Buffer, start: number, end: number, piece: number, level = 0): unknown {
  const open = bytes[start];
  if (end - start < piece || level === SPLIT_LEVELS || (open !== 0x7b && open !== 0x5b)) return JSON.parse(bytes.toString('utf8', start, end));
  const close = open === 0x7b ? 0x7d : 0x5d;
  const object: Record<string, unknown> = {};
  const array: unknown[] = [];
  let i = skipSpace(bytes, start + 1, end);
  if (bytes[i] === close) i = skipSpace(bytes, i + 1, end);
  else {
    for (;;) {
      let key: string | undefined;
      if (open === 0x7b) {
        const keyEnd = bytes[i] === QUOTE ? stringEnd(bytes, i, end) : -1;
        if (keyEnd < 0) throw new NotPieceable();
        key = JSON.parse(bytes.toString('utf8', i, keyEnd)) as string;
        i = skipSpace(bytes, keyEnd, end);
        if (bytes[i] !== 0x3a) throw new NotPieceable();
        i = skipSpace(bytes, i + 1, end);
      }
      const stop = valueEnd(bytes, i, end);
      if (stop < 0) throw new NotPieceable();
      const value = parseValue(bytes, i, stop, piece, level + 1);
      // as JSON.parse does: an own member even when named __proto__, the last of repeated names wins
      if (key === undefined) array.push(value);
      else Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
      i = skipSpace(bytes, stop, end);
      if (bytes[i] === 0x2c) {
        i = skipSpace(bytes, i + 1, end);
        continue;
      }
      if (bytes[i] !== close) throw new NotPieceable();
      i = skipSpace(bytes, i + 1, end);
      break;
    }
  }
  if (i !== end) throw new NotPieceable();
  return open === 0x7b ? object : array;
}

/**
 * JSON text read piece by piece: an object or array of a megabyte or more is split into its members,
 * each parsed on its own, so no string of the whole text is ever made. Microsoft Graph beta's
 * description is 47 MB with a few hundred non-ASCII characters: as one string it took two bytes per
 * character, 94 MB held beside the bytes and the parsed tree, at the import's peak. The same value
 * as `JSON.parse` gives, or undefined when the text is not well-formed JSON (the caller's slower
 * path then says where). Written here rather than taken from a streaming parser (stream-json):
 * those tokenise every value in JavaScript, where each piece here is read by the native JSON.parse.
 */
export function parseJsonPieces(bytes: Buffer, piece = PIECE): unknown {
  const start = skipSpace(bytes, 0, bytes.length);
  let end = bytes.length;
  while (end > start && isSpace(bytes[end - 1]!)) end--;
  if (start === end) return undefined;
  try {
    return parseValue(bytes, start, end, piece);
  } catch (error) {
    // RangeError: nested deeper than the stack allows, which the caller's other path reports
    if (error instanceof NotPieceable || error instanceof SyntaxError || error instanceof RangeError) return undefined;
    throw error;
  }
}
