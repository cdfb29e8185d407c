import type { NamedParameter } from '../manifest/types.ts';

/** A parameter value that tells an operation apart from the others on its path. */
export interface FixedParameter {
  name: string;
  /**
   * The one value it takes; absent for a bare name (`/v1/domain#domain&repository`, AWS REST
   * operations told apart by which query parameters they carry), which must only be present.
   */
  value?: string;
  /** Where the document's path put it: `#` (a fragment, by convention a header when the name has a `-`) or `?`. */
  marker: '#' | '?';
}

/**
 * `/#X-Amz-Target=Service.Operation`, `/?Action=AddPermission&Version=2012-11-05`: one path, many
 * operations told apart by a header or query value (AWS's JSON and query protocols). The path the
 * request goes to is the part before the marker; the pairs after it become fixed parameters, and
 * bare names after `#` (`/v1/domain#domain&repository`) required ones.
 * Undefined for a path with neither marker, or whose suffix is not `name=value` pairs or names.
 */
export function splitFixedParameters(written: string): { path: string; fixed: FixedParameter[] } | undefined {
  const match = /^(\/[^?#]*)([?#])(.+)$/.exec(written);
  if (!match) return undefined;
  const [, path, marker, suffix] = match as unknown as [string, string, '#' | '?', string];
  // bare names only after `#`, AWS's REST convention; after `?` a bare name is a query string the path fixes, not a parameter
  const pairs = suffix.split('&').map((pair) => (marker === '#' ? /^([A-Za-z0-9_.-]+)(?:=([^=]*))?$/ : /^([A-Za-z0-9_.-]+)=([^=]*)$/).exec(pair));
  if (pairs.some((p) => p === null)) return undefined;
  return { path, fixed: pairs.map((p) => ({ name: p![1]!, ...(p![2] !== undefined && { value: decodeURIComponent(p![2]) }), marker })) };
}

/** A required parameter that only one value satisfies (RFC 8259 string; JSON Schema `const`). */
export const fixedSchema = (value: string): NamedParameter => ({ required: true, schema: { type: 'string', const: value, examples: [value] } });
