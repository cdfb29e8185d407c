import { isAlias, isNode, visit, type Document, type LineCounter, type Node } from 'yaml';
import type { Problem } from '../errors.ts';
import { nodeAt } from './pointerAt.ts';

/**
 * Aliases the loader must refuse before converting the document to plain values: one with no
 * anchor before it, and one inside the very node it names (a cycle — the value would contain
 * itself, and every later stage that walks it would never finish). One pass, in document order,
 * because resolving each alias on its own rescans the whole document (quadratic on a hostile file).
 */
export function aliasProblems(doc: Document, lineCounter: LineCounter, file: string): Problem[] {
  const problems: Problem[] = [];
  const anchors = new Map<string, Node>();
  const report = (node: Node, message: string, hint: string) => {
    const offset = node.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    const pointer = nodeAt(doc, offset)?.pointer;
    problems.push({ message, hint, location: { file, line: pos.line, column: pos.col, ...(pointer !== undefined && { pointer }) } });
  };
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        const source = anchors.get(node.source);
        if (!source) report(node, `the alias *${node.source} has no anchor &${node.source} before it`, `define &${node.source} above, or write the value out`);
        else if (source.range && node.range && source.range[0] <= node.range[0] && node.range[1] <= source.range[1]) {
          report(node, `the alias *${node.source} sits inside the node &${node.source} names, so the value would contain itself`, 'write the value out instead of referring to its own anchor');
        }
      } else if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
    },
  });
  return problems;
}

/** Where the first alias is: the best place to point at when alias expansion runs away. */
export function firstAlias(doc: Document): Node | undefined {
  let first: Node | undefined;
  visit(doc, {
    Alias(_key, node) {
      first = node;
      return visit.BREAK;
    },
  });
  return first;
}
