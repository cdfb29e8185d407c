/** How a found value reads in a message: `the string "1"`, `the number 5`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (an empty value)';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN (not a number)' : `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'binary data';
  return 'a map';
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'a map',
  array: 'a list',
  null: 'an empty value (null)',
};

/** JSON Schema type names as words: ["object", "boolean"] → "a map or true or false". */
export function describeTypes(types: readonly string[]): string {
  const words = types.map((t) => TYPE_NAMES[t] ?? t);
  return words.length <= 1 ? (words[0] ?? 'another type') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** A nudge for the commonest type slips: quoted numbers, unquoted text, empty values. */
export function typeHint(expected: readonly string[], found: unknown): string {
  if (typeof found === 'string' && /^-?\d+$/.test(found.trim()) && (expected.includes('integer') || expected.includes('number'))) {
    return `write ${found.trim()} without quotes`;
  }
  if (typeof found === 'string' && /^(true|false)$/i.test(found) && expected.includes('boolean')) return `write ${found.toLowerCase()} without quotes`;
  if (typeof found === 'number' && expected.includes('string')) return `quote it: "${found}"`;
  if (found === null || found === undefined) return 'fill in a value or remove the key';
  if (expected.includes('array') && typeof found === 'string') return `write it as a list: [${found}]`;
  if (expected.includes('boolean')) return 'write true or false, without quotes';
  if (expected.includes('object')) return 'write it as a map of key: value lines, indented under this key';
  return 'fixtures/reference-api/manifest.yaml shows the expected shape';
}
