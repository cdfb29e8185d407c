import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { addFormats } from '../ajvFormats.ts';
import { linearPattern } from '../linearPattern.ts';
import type { JsonSchema, Manifest } from '../manifest/types.ts';

/** Validates values against manifest schemas; compiles each schema once per run. */
export interface SchemaValidator {
  /** Human-readable violations ("/quantity must be <= 1000"), empty when valid. */
  validate(schema: JsonSchema, value: unknown): string[];
}

export function createSchemaValidator(manifest: Pick<Manifest, 'schemas'>): SchemaValidator {
  // validateSchema off: the manifest's schemas were checked against the meta-schema when it loaded
  // (src/manifest/jsonSchemaProblems.ts); checking each again at compile time costs every run.
  // Patterns run in linear time where they could backtrack for minutes on a server's answer (src/linearPattern.ts).
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true, validateSchema: false, code: { regExp: linearPattern } });
  addFormats(ajv);
  // By content, not by object: thousands of endpoints each answering `{ $ref: "#/schemas/Item" }`
  // hold thousands of equal objects, and one compiled function (with the catalogue) serves them all.
  const byContent = new Map<string, ValidateFunction>();
  const byObject = new WeakMap<object, ValidateFunction>();
  const compile = (schema: JsonSchema) => {
    const key = JSON.stringify(schema);
    let validate = byContent.get(key);
    if (validate === undefined) {
      // `$ref: "#/schemas/X"` resolves against the manifest root, so the schema travels with the catalogue.
      validate = ajv.compile(typeof schema === 'boolean' ? schema : { ...schema, schemas: manifest.schemas });
      byContent.set(key, validate);
    }
    return validate;
  };
  return {
    validate(schema, value) {
      let validate = typeof schema === 'object' ? byObject.get(schema) : undefined;
      if (validate === undefined) {
        validate = compile(schema);
        if (typeof schema === 'object') byObject.set(schema, validate);
      }
      if (validate(value)) return [];
      return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
    },
  };
}
