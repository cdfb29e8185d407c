import type { Document, LineCounter } from 'yaml';
import type { Problem } from '../errors.ts';
import { nodeAt } from './pointerAt.ts';

/** Offset of the first comma that only whitespace separates from a closing `}` or `]`, outside strings. */
function trailingComma(text: string): number | undefined {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === ',' && /^\s*[}\]]/.test(text.slice(i + 1, i + 200))) return i;
  }
  return undefined;
}

/**
 * A `.json` manifest must be JSON. The loader parses with YAML (JSON is YAML 1.2), which quietly
 * accepts trailing commas and comments; a file that claims to be JSON but is not would break every
 * other JSON tool that reads it, so the difference is reported.
 */
export function jsonProblems(text: string, doc: Document, lineCounter: LineCounter, file: string): Problem[] {
  const problem = (offset: number, message: string, hint: string): Problem[] => {
    const pos = lineCounter.linePos(offset);
    const pointer = nodeAt(doc, offset)?.pointer;
    return [{ message, hint, location: { file, line: pos.line, column: pos.col, ...(pointer !== undefined && { pointer }) } }];
  };
  // A byte-order mark is not JSON, but editors add it; skip it, and keep offsets in the file's terms.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const json = text.slice(bom);
  const comma = trailingComma(json);
  if (comma !== undefined) {
    return problem(bom + comma, 'a trailing comma before a closing bracket is not allowed in JSON', 'remove the comma, or rename the file to .yaml, where it is allowed');
  }
  try {
    JSON.parse(json);
    return [];
  } catch (error) {
    const raw = (error as Error).message;
    const position = /at position (\d+)/.exec(raw);
    // V8 may echo the text after the message; the manifest is the user's, but the echo is noise.
    const message = raw.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    return problem(bom + (position ? Number(position[1]) : 0), `not valid JSON: ${message}`, 'fix the JSON syntax, or write the manifest as YAML in a .yaml file');
  }
}
