import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Problem } from '../errors.ts';
import { describeSchemaError } from './describeSchemaError.ts';
import { mergeTypeErrors, relevantErrors } from './relevantErrors.ts';
import { pointerSegments } from './locate.ts';

// One instance, validating schemas against the draft 2020-12 meta-schema: the dialect the checks compile with.
const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });

type Report = (segments: (string | number)[], message: string, hint?: string) => void;
type RawEndpoint = { params?: Record<string, unknown>; query?: Record<string, { schema?: unknown }>; headers?: Record<string, { schema?: unknown }>; cookies?: Record<string, { schema?: unknown }>; body?: unknown; responses?: Record<string, unknown> };

/** Every place the manifest holds a JSON Schema, with its pointer segments. */
function* schemaSites(manifest: { endpoints: RawEndpoint[]; schemas?: Record<string, unknown>; errors?: { schema?: unknown } }) {
  if (typeof manifest.errors?.schema === 'object') yield { at: ['errors', 'schema'], schema: manifest.errors.schema };
  for (const [name, schema] of Object.entries(manifest.schemas ?? {})) yield { at: ['schemas', name], schema };
  for (const [i, endpoint] of manifest.endpoints.entries()) {
    for (const [name, schema] of Object.entries(endpoint.params ?? {})) yield { at: ['endpoints', i, 'params', name], schema };
    for (const where of ['query', 'headers', 'cookies'] as const) {
      for (const [name, p] of Object.entries(endpoint[where] ?? {})) yield { at: ['endpoints', i, where, name, 'schema'], schema: p.schema };
    }
    if (endpoint.body !== undefined) yield { at: ['endpoints', i, 'body'], schema: endpoint.body };
    for (const [status, schema] of Object.entries(endpoint.responses ?? {})) {
      if (schema !== null && schema !== 'problem') yield { at: ['endpoints', i, 'responses', status], schema };
    }
  }
}

/**
 * Schemas the run would fail to compile (`type: strin`, `$ref: 5`, `required: name`) are reported
 * here, with their place in the file, instead of as a crash halfway through a run.
 */
export function jsonSchemaProblems(manifest: Parameters<typeof schemaSites>[0], report: Report): void {
  for (const { at, schema } of schemaSites(manifest)) {
    if (typeof schema === 'boolean' || ajv.validateSchema(schema as object)) continue;
    for (const { error, types } of mergeTypeErrors(relevantErrors(ajv.errors ?? []))) {
      const described = describeSchemaError(types && types.length > 1 ? { ...error, params: { type: types } } : error);
      const inner = [...pointerSegments(error.instancePath), ...(described.key !== undefined ? [described.key] : [])];
      report([...at, ...inner], `not a valid JSON Schema: ${described.message}`, described.hint ?? 'see https://json-schema.org/draft/2020-12 for the keyword');
    }
  }
}
