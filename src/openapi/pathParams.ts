import type { JsonSchema } from '../manifest/types.ts';
import { pathVariables } from '../manifest/semanticProblems.ts';
import type { ImportWarning } from './importOpenApi.ts';
import { asArray, asObject, isObject, jsonEqual, type JsonObject } from './json.ts';
import type { Operation } from './listOperations.ts';
import { deref } from './refs.ts';
import type { SchemaCollector } from './schemaCollector.ts';

type Scalar = string | number | boolean;
const isScalar = (v: unknown): v is Scalar => ['string', 'number', 'boolean'].includes(typeof v);

/** Path-level and operation-level parameters merged by (in, name); the operation's own win. */
export function mergedParameters(root: JsonObject, { item, op, label }: Operation, warn: (w: ImportWarning) => void): JsonObject[] {
  const merged = new Map<string, JsonObject>();
  for (const raw of [...asArray(item.parameters), ...asArray(op.parameters)]) {
    const param = deref(root, raw);
    if (!param || typeof param.name !== 'string') {
      warn({ operation: label, construct: 'parameters', message: `a parameter ${isObject(raw) && raw.$ref ? `($ref "${String(raw.$ref)}") does not resolve` : 'has no name'}; it is skipped.` });
      continue;
    }
    merged.set(`${String(param.in)}:${param.name}`, param);
  }
  return [...merged.values()];
}

/** Documented values, most trusted first: the overlay's, the parameter's, then its schema's. */
export function examples(param: JsonObject, schema: unknown, overlayValue: Scalar | undefined, root: JsonObject): unknown[] {
  const s = asObject(schema);
  const found = [
    overlayValue,
    param.example,
    ...Object.values(asObject(param.examples)).map((e) => deref(root, e)?.value),
    ...asArray(s.examples),
    s.example,
  ].filter((v) => v !== undefined);
  return found.filter((v, i) => found.findIndex((w) => jsonEqual(v, w)) === i);
}

/**
 * Path parameters → the endpoint's `params`, each a schema whose `examples` array carries the
 * documented example values (the planner uses the first where a case needs an existing resource).
 * Query, header and cookie parameters are `namedParams`' part; any other `in` has no place in the
 * manifest: a warning names it.
 */
export function pathParams(
  root: JsonObject,
  operation: Operation,
  collector: SchemaCollector,
  overlayExamples: Record<string, Scalar>,
  warn: (w: ImportWarning) => void,
): Record<string, JsonSchema> {
  const { path, label } = operation;
  const variables = pathVariables(path);
  const params: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const optional: string[] = [];
  for (const param of mergedParameters(root, operation, warn)) {
    const name = String(param.name);
    if (param.in !== 'path') {
      if (param.in === 'query' || param.in === 'header' || param.in === 'cookie') continue;
      (param.required === true ? required : optional).push(`${String(param.in)} "${name}"`);
      continue;
    }
    if (!variables.includes(name)) {
      warn({ operation: label, construct: 'parameters', affects: 'coverage', message: `path parameter "${name}" does not appear in ${path}; it is skipped.` });
      continue;
    }
    if (param.schema === undefined && param.content !== undefined) {
      warn({ operation: label, construct: 'parameters', message: `path parameter "${name}" is described with content, not schema; it is treated as a string.` });
    }
    const converted = collector.convert(param.schema ?? { type: 'string' }, label);
    const values = examples(param, param.schema, overlayExamples[name], root);
    const scalars = values.filter(isScalar);
    if (scalars.length < values.length) {
      warn({ operation: label, construct: 'examples', affects: 'coverage', message: `path parameter "${name}" has examples that are not strings, numbers or booleans; they are not used.` });
    }
    if (typeof converted === 'boolean') params[name] = scalars.length > 0 ? { examples: scalars } : converted;
    else {
      const { example: _example, examples: _examples, ...rest } = converted;
      params[name] = scalars.length > 0 ? { ...rest, examples: scalars } : rest;
    }
  }
  for (const name of variables.filter((v) => !(v in params))) {
    warn({ operation: label, construct: 'parameters', message: `path variable {${name}} has no parameter; it is treated as { type: string }. Declare it in the document.` });
    params[name] = { type: 'string' };
  }
  if (required.length > 0) {
    warn({ operation: label, construct: 'parameters', message: `required ${required.join(', ')} ${required.length === 1 ? 'is' : 'are'} not sent (the manifest has no place for it), so the API may refuse every case; exclude the operation in the overlay if it does.` });
  }
  if (optional.length > 0) {
    warn({ operation: label, construct: 'parameters', affects: 'coverage', message: `optional ${optional.join(', ')} ${optional.length === 1 ? 'is' : 'are'} not sent (the manifest has no place for it).` });
  }
  return params;
}
