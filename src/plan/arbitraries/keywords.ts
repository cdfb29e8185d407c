import type { Schema } from './types.ts';

/**
 * Keywords the generators satisfy by construction. Anything else that is not an
 * annotation makes the node "residual": its values are additionally filtered
 * through an ajv validator of the node (bounded tries, see bounded-filter.ts).
 */
export const NATIVE_KEYWORDS: ReadonlySet<string> = new Set([
  'type', 'enum', 'const', '$ref', 'allOf', 'anyOf', 'oneOf',
  'properties', 'required', 'additionalProperties', 'minProperties', 'maxProperties',
  'items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minLength', 'maxLength', 'pattern', 'format',
]);

/** Keywords with no effect on validity (or handled by normalisation before generation). */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  '$schema', '$id', '$anchor', '$comment', '$defs', 'definitions', '$vocabulary', '$dynamicAnchor',
  'title', 'description', 'default', 'examples', 'example', 'deprecated', 'readOnly', 'writeOnly',
  'contentMediaType', 'contentEncoding', 'contentSchema', 'discriminator', 'xml', 'externalDocs', 'nullable',
]);

/** Keywords whose values are data, never schemas: normalisation must not touch them. */
export const DATA_KEYWORDS: ReadonlySet<string> = new Set(['enum', 'const', 'default', 'examples', 'example']);

/** Keys of `s` that we do not generate natively (vendor `x-` extensions are annotations). */
export function residualKeywords(s: Schema): string[] {
  return Object.keys(s).filter((k) => !NATIVE_KEYWORDS.has(k) && !ANNOTATION_KEYWORDS.has(k) && !k.startsWith('x-'));
}
