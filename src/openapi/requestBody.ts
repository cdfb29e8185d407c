import type { JsonSchema } from '../manifest/types.ts';
import type { ImportWarning } from './importOpenApi.ts';
import { asObject, isObject, type JsonObject } from './json.ts';
import type { Operation } from './listOperations.ts';
import { pickJson } from './mediaTypes.ts';
import { deref } from './refs.ts';
import type { SchemaCollector } from './schemaCollector.ts';

/**
 * requestBody → the endpoint's `body` and `contentType`, from its JSON media type. Schemas keep
 * their dialect (3.0 `nullable`, 3.1 type arrays): the planner and the validator read both.
 * A body with no JSON media type is not sent, and a warning says so.
 */
export function requestBody(
  root: JsonObject,
  { op, label }: Operation,
  collector: SchemaCollector,
  warn: (w: ImportWarning) => void,
  overlayBody?: { value: unknown },
): { body?: JsonSchema; contentType?: string } {
  if (op.requestBody === undefined) return {};
  const body = deref(root, op.requestBody);
  if (!body) {
    warn({ operation: label, construct: 'requestBody', message: `the requestBody ${isObject(op.requestBody) ? `$ref "${String(op.requestBody.$ref)}" ` : ''}does not resolve; no body is sent. Fix the reference.` });
    return {};
  }
  const json = pickJson(body.content);
  if (!json) {
    const types = Object.keys(asObject(body.content));
    if (types.length > 0) {
      warn({ operation: label, construct: 'requestBody', message: `the request body is ${types.join(', ')}, not JSON; no body is sent, so the API may refuse the positive cases. Exclude the operation in the overlay if it does.` });
    }
    return {};
  }
  const schema = json.media.schema === undefined ? {} : collector.convert(json.media.schema, label);
  return { body: withExamples(schema, mediaExamples(root, json.media, overlayBody)), contentType: json.mediaType };
}

/**
 * The request examples the positive suite sends first: the overlay's body, then the media type's
 * `example` and `examples` (Example Objects' `value`s; external ones are not fetched). Kept as data:
 * a member named `$ref` inside an example would read as a reference, so such an example is left out.
 */
function mediaExamples(root: JsonObject, media: JsonObject, overlayBody?: { value: unknown }): unknown[] {
  const documented = [
    ...(media.example !== undefined ? [media.example] : []),
    ...Object.values(asObject(media.examples)).map((e) => deref(root, e)).filter((e): e is JsonObject => e !== undefined && 'value' in e).map((e) => e.value),
  ];
  return [...(overlayBody ? [overlayBody.value] : []), ...documented].filter((value) => !JSON.stringify(value ?? null).includes('"$ref"'));
}

/** A body schema with request examples in front of its own (JSON Schema `examples` is an annotation: validation ignores it). */
function withExamples(schema: JsonSchema, examples: unknown[]): JsonSchema {
  if (examples.length === 0) return schema;
  if (typeof schema === 'boolean') return schema ? { examples } : schema;
  const own = Array.isArray(schema.examples) ? schema.examples : [];
  return { ...schema, examples: [...examples, ...own] };
}
