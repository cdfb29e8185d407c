/**
 * Bodies a JSON API must refuse as invalid, each labelled. Every one is unambiguous under
 * RFC 8259: not JSON at all, or JSON that cannot be the documented object. Byte-order marks,
 * duplicate member names and invalid UTF-8 are left out: RFC 8259 lets parsers differ on them,
 * so refusing or accepting them is not a contract the manifest states.
 */
export function hostileBodies(validJson: string, maxBodyBytes?: number): { label: string; text: string }[] {
  // Deep enough to break a recursive parser, small enough to stay under the documented body limit:
  // past it the right answer is 413, and this body is about nesting, not size.
  const depth = Math.max(16, Math.min(5_000, Math.floor(((maxBodyBytes ?? Infinity) - 16) / 2)));
  return [
    { label: 'truncated JSON', text: validJson.slice(0, Math.max(1, Math.floor(validJson.length / 2))) },
    { label: 'trailing garbage', text: `${validJson} }{` },
    { label: 'unescaped NUL in a string', text: '{"a":"x\u0000y"}' },
    { label: `arrays nested ${depth} deep`, text: '['.repeat(depth) + ']'.repeat(depth) },
    { label: 'number out of range (1e400)', text: '1e400' },
    { label: 'empty body', text: '' },
    { label: 'form encoding', text: 'a=1&b=2' },
    { label: 'a bare string', text: '"just a string"' },
    { label: 'null', text: 'null' },
  ];
}
