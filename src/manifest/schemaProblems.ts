import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Document, LineCounter } from 'yaml';
import manifestSchema from './manifest.schema.json' with { type: 'json' };
import type { Problem } from '../errors.ts';
import { describeSchemaError } from './describeSchemaError.ts';
import { describeTypes, describeValue, typeHint } from './describeValue.ts';
import { locatePointer } from './locate.ts';
import { mergeTypeErrors, relevantErrors } from './relevantErrors.ts';

// verbose: errors carry the value found and the schema that failed, for messages that say both.
const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
const validate = ajv.compile(manifestSchema);

/** The manifest's own JSON Schema, published at src/manifest/manifest.schema.json. */
export { manifestSchema };

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

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
  const kept = described.filter((d) => !(d.error.keyword === 'required' && typos.has(`${d.error.instancePath}|${String(d.error.params.missingProperty)}`)));
  return kept.map(({ error, message, hint, key }) => {
    const pointer = key === undefined ? error.instancePath : `${error.instancePath}/${escape(key)}`;
    const position = locatePointer(doc, lineCounter, error.instancePath, key);
    return { message, ...(hint !== undefined && { hint }), location: { file, ...position, pointer } };
  });
}
