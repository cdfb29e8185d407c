import type { Problem } from '../errors.ts';
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';

/** Splits a JSON pointer (RFC 6901) into its unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Builds a JSON pointer from segments. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * Finds the line and column of a JSON pointer in a parsed YAML/JSON document.
 * With `key`, points at that member's key (where an unknown or misspelt key sits);
 * a pointer that runs past the document points at the deepest node that exists.
 */
export function locatePointer(
  doc: Document,
  lineCounter: LineCounter,
  pointer: string,
  key?: string,
): { line: number; column: number } | undefined {
  let node: Node | null | undefined = doc.contents as Node | null;
  const segments = key === undefined ? pointerSegments(pointer) : [...pointerSegments(pointer), key];
  for (const [i, segment] of segments.entries()) {
    let next: Node | null | undefined;
    if (isMap(node)) {
      const pair: Pair<unknown, unknown> | undefined = node.items.find((p: Pair<unknown, unknown>) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === segment);
      if (pair && key !== undefined && i === segments.length - 1 && isScalar(pair.key)) {
        next = pair.key;
      } else {
        next = pair?.value as Node | null | undefined;
        if (pair && next == null && isScalar(pair.key)) next = pair.key;
      }
    } else if (isSeq(node)) {
      next = node.items[Number(segment)] as Node | undefined;
    }
    if (!next) break;
    node = next;
  }
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** A function that records a located problem at a path of segments; shared by the cross-field rules. */
export function problemReporter(doc: Document, lineCounter: LineCounter, file: string, problems: Problem[]) {
  return (segments: readonly (string | number)[], message: string, hint?: string): void => {
    const pointer = toPointer(segments);
    problems.push({ message, hint, location: { file, ...locatePointer(doc, lineCounter, pointer), pointer } });
  };
}
