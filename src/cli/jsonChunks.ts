/**
 * `JSON.stringify(value, null, 2)` of an object, in pieces: the members named in `streamed` (arrays)
 * one element at a time, everything else whole. The pieces joined by newlines are that text exactly.
 * Microsoft Graph beta's plan report is 58 MB of JSON: as one string (two bytes per character once a
 * warning holds a `’`) it raised the command's peak memory by more than 100 MB at the very end.
 */
export function* jsonChunks(value: object, streamed: readonly string[]): Generator<string> {
  // JSON.stringify leaves out members it cannot write (asked of each member's type, not by writing a large one out)
  const members = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (members.length === 0) {
    yield '{}';
    return;
  }
  const indented = (text: string, by: string) => by + text.replaceAll('\n', `\n${by}`);
  yield '{';
  for (const [i, [key, member]] of members.entries()) {
    const comma = i < members.length - 1 ? ',' : '';
    const name = `  ${JSON.stringify(key)}: `;
    if (!streamed.includes(key) || !Array.isArray(member) || member.length === 0) {
      yield `${name}${indented(JSON.stringify(member, null, 2), '  ').slice(2)}${comma}`;
      continue;
    }
    yield `${name}[`;
    for (const [j, item] of member.entries()) {
      // an array writes what it cannot hold as null
      yield `${indented(JSON.stringify(item, null, 2) ?? 'null', '    ')}${j < member.length - 1 ? ',' : ''}`;
    }
    yield `  ]${comma}`;
  }
  yield '}';
}
