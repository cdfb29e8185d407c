import { pointerSegments } from '../manifest/locate.ts';

/** The value at a JSON pointer (RFC 6901), or undefined. */
export function readPointer(document: unknown, pointer: string): unknown {
  let node = document;
  for (const segment of pointerSegments(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
