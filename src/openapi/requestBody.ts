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
  return { body: json.media.schema === undefined ? {} : collector.convert(json.media.schema, label), contentType: json.mediaType };
}
