import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { toPointer } from './locate.ts';

type Ranged = { range?: [number, number, number] | null } | null | undefined;

const covers = (node: Ranged, offset: number): boolean =>
  !!node?.range && node.range[0] <= offset && offset < Math.max(node.range[1], node.range[0] + 1);

const keyText = (key: unknown): string => (isScalar(key) ? String(key.value) : String(key));

/** The deepest node at an offset, its JSON pointer and where it starts. */
export interface NodeAt {
  pointer: string;
  start: number;
}

/**
 * Finds what a character offset sits in, so a syntax error or a duplicate key can name its spot
 * the way schema errors do, and an unclosed quote can point at where it opened.
 * Undefined when the offset is outside every node (top level, comments, past the end).
 */
export function nodeAt(doc: Document, offset: number): NodeAt | undefined {
  const segments: (string | number)[] = [];
  let node: Node | undefined = (doc.contents as Node | null) ?? undefined;
  let found: NodeAt | undefined;
  while (node) {
    let next: Node | undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (covers(key, offset)) {
          return { pointer: toPointer([...segments, keyText(key)]), start: key!.range![0] };
        }
        if (covers(value, offset)) {
          segments.push(keyText(key));
          next = value ?? undefined;
          break;
        }
      }
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => covers(item as Node, offset));
      if (index >= 0) {
        segments.push(index);
        next = node.items[index] as Node;
      }
    }
    if (next?.range) found = { pointer: toPointer(segments), start: next.range[0] };
    node = next;
  }
  return found;
}
