import type { Document, LineCounter, YAMLError } from 'yaml';
import type { Problem } from '../errors.ts';
import { nodeAt } from './pointerAt.ts';

/** Plain words for the YAML library's error codes: what is wrong, and what to do about it. */
const HINTS: Partial<Record<YAMLError['code'], { message?: string; hint: string }>> = {
  TAB_AS_INDENT: { message: 'a tab is used for indentation', hint: 'YAML indents with spaces only; replace the tab with spaces' },
  BAD_INDENT: { hint: 'indent this line like the other keys of its map, with spaces; close any [ or { opened above' },
  MISSING_CHAR: { hint: 'add the missing character' },
  BLOCK_AS_IMPLICIT_KEY: { message: 'YAML reads a second key on this line', hint: 'a value holds ": " or a nested key is on the wrong line; quote the value, or put the nested key on its own, more indented line' },
  MULTILINE_IMPLICIT_KEY: { hint: 'a key runs onto the next line; check the indentation and for a missing ":" above' },
  UNEXPECTED_TOKEN: { hint: 'check the indentation and the punctuation near here' },
  BAD_SCALAR_START: { hint: 'quote the value' },
  BAD_DQ_ESCAPE: { hint: 'in double quotes a backslash starts an escape; write \\\\ or use single quotes' },
  BLOCK_IN_FLOW: { hint: 'inside [ ] or { } a value holding ": " must be quoted' },
  MULTIPLE_DOCS: {
    message: 'the file holds more than one YAML document; a second one starts here',
    hint: 'a manifest is one document: remove the "---" line and what follows, or split the file',
  },
  MULTIPLE_ANCHORS: { hint: 'give the node one &anchor' },
  NON_STRING_KEY: { message: 'a key is a list or a map', hint: 'keys are plain names; write the key as text' },
  TAG_RESOLVE_FAILED: { hint: 'remove the tag: a manifest uses plain YAML values' },
  RESOURCE_EXHAUSTION: { message: 'the document nests too deeply to be a manifest', hint: 'check for runaway [ or { or indentation' },
};

/** Where an unclosed quote opens: the nearest quote of its kind before the spot the library noticed it. */
function openingQuote(text: string, before: number, quote: string): number | undefined {
  for (let i = Math.min(before, text.length - 1); i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === '"' && text[i - 1] === '\\') continue;
    if (quote === "'" && (text[i - 1] === "'" || text[i + 1] === "'")) continue;
    return i;
  }
  return undefined;
}

interface Described {
  message: string;
  hint: string;
  offset: number;
  pointer?: string;
}

function describe(error: YAMLError, doc: Document, text: string): Described {
  const known = HINTS[error.code];
  const libraryMessage = error.message.split('\n')[0]!.replace(/^With stringKeys, /, '');
  if (error.code === 'DUPLICATE_KEY') {
    // The library reports the second occurrence; name the key and its pointer so the reader need not hunt.
    const at = nodeAt(doc, error.pos[0]);
    const key = at?.pointer.split('/').pop()?.replace(/~1/g, '/').replace(/~0/g, '~') ?? text.slice(error.pos[0], error.pos[1]);
    return {
      message: `the key "${key}" appears twice in the same map`,
      hint: 'remove or rename one: YAML keeps only one of them, and the harness will not guess which you meant',
      offset: error.pos[0],
      pointer: at?.pointer,
    };
  }
  if (error.code === 'MISSING_CHAR' && /quote/.test(libraryMessage)) {
    // The library notices where the string runs out; the mistake is where it opens.
    const quote = libraryMessage.includes("'") ? "'" : '"';
    const opening = openingQuote(text, error.pos[0], quote);
    if (opening !== undefined) {
      return { message: `this ${quote}quoted string is never closed, so it swallows what follows`, hint: `add the closing ${quote}`, offset: opening, pointer: nodeAt(doc, opening)?.pointer };
    }
  }
  // Warnings sit in a well-formed document, so their pointer is meaningful; after a syntax error it would not be.
  // A tag sits just before the node it labels, so look at the tag's end too.
  const pointer = error.name === 'YAMLWarning' ? (nodeAt(doc, error.pos[0]) ?? nodeAt(doc, error.pos[1] + 1))?.pointer : undefined;
  return { message: known?.message ?? libraryMessage, hint: known?.hint ?? 'check the YAML syntax near here', offset: error.pos[0], pointer };
}

/**
 * YAML syntax errors and warnings (duplicate keys, unknown tags) as located problems.
 * Only the first syntax error is reported: the ones after it mostly follow from it, and point
 * at lines that are fine. Warnings are independent of each other, so each is reported.
 */
export function yamlProblems(doc: Document, lineCounter: LineCounter, text: string, file: string): Problem[] {
  return [...doc.errors.slice(0, 1), ...doc.warnings].map((error) => {
    const { message, hint, offset, pointer } = describe(error, doc, text);
    const pos = lineCounter.linePos(offset);
    return { message, hint, location: { file, line: pos.line, column: pos.col, ...(pointer !== undefined && { pointer }) } };
  });
}
