import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Document, LineCounter } from 'yaml';
import manifestSchema from './manifest.schema.json' with { type: 'json' };
import type { Problem } from '../errors.ts';
import { describeSchemaError } from './describeSchemaError.ts';
import { describeTypes, describeValue, typeHint } from './describeValue.ts';
import { locatePointer } from './locate.ts';
import { mergeTypeErrors, relevantErrors } from './relevantErrors.ts';

// verbose: errors carry the value found and the schema that failed, for messages that say both.
// validateSchema off: the manifest's own schema is the harness's, tested; compiling the 2020-12
// meta-schema to check it again costs every start 0.2 s.
const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, validateSchema: false });
const validate = ajv.compile(manifestSchema);

/** The manifest's own JSON Schema, published at src/manifest/manifest.schema.json. */
export { manifestSchema };

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

const PARAMETER = /^\/endpoints\/\d+\/(query|headers|cookies)\/[^/]+$/;
const parameterName = (pointer: string) => pointer.slice(pointer.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');

/** `limit: { type: integer }` where `limit: { schema: { type: integer } }` was meant. */
function bareParameterSchema(error: { keyword: string; instancePath: string; params: Record<string, unknown> }): boolean {
  return error.keyword === 'required' && error.params.missingProperty === 'schema' && PARAMETER.test(error.instancePath);
}

/** Validates a parsed manifest against the manifest schema; one located problem per spot. */
export function schemaProblems(value: unknown, doc: Document, lineCounter: LineCounter, file: string): Problem[] {
  if (validate(value)) return [];
  const described = mergeTypeErrors(relevantErrors(validate.errors ?? [])).map(({ error, types }) => ({
    error,
    ...(types && types.length > 1
      ? { message: `expected ${describeTypes(types)}, found ${describeValue(error.data)}`, hint: typeHint(types, error.data), key: undefined, suggested: undefined }
      : describeSchemaError(error)),
  }));
  // `scope:` for `scopes:` is one mistake: the "did you mean" says it all, "missing scopes" would repeat it.
  const typos = new Set(described.filter((d) => d.suggested).map((d) => `${d.error.instancePath}|${d.suggested}`));
  const unwrapped = new Set(described.filter((d) => bareParameterSchema(d.error)).map((d) => d.error.instancePath));
  const kept = described
    .filter((d) => !(d.error.keyword === 'required' && typos.has(`${d.error.instancePath}|${String(d.error.params.missingProperty)}`)))
    // A query, header or cookie parameter written as a bare schema is one mistake, said once, not once per keyword.
    .filter((d) => !(unwrapped.has(d.error.instancePath) && d.error.keyword === 'additionalProperties'))
    .map((d) => (bareParameterSchema(d.error) ? { ...d, message: 'a query, header or cookie parameter is { schema, required }, not a bare schema', hint: `wrap it: ${parameterName(d.error.instancePath)}: { schema: { type: … } }, and add required: true if every request must carry it` } : d));
  return kept.map(({ error, message, hint, key }) => {
    const pointer = key === undefined ? error.instancePath : `${error.instancePath}/${escape(key)}`;
    const position = locatePointer(doc, lineCounter, error.instancePath, key);
    return { message, ...(hint !== undefined && { hint }), location: { file, ...position, pointer } };
  });
}
