import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema, Manifest } from '../manifest/types.ts';

// ajv-formats ships CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

/** Validates values against manifest schemas; compiles each schema once per run. */
export interface SchemaValidator {
  /** Human-readable violations ("/quantity must be <= 1000"), empty when valid. */
  validate(schema: JsonSchema, value: unknown): string[];
}

export function createSchemaValidator(manifest: Pick<Manifest, 'schemas'>): SchemaValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  const compiled = new Map<JsonSchema, ValidateFunction>();
  return {
    validate(schema, value) {
      let validate = compiled.get(schema);
      if (!validate) {
        // `$ref: "#/schemas/X"` resolves against the manifest root, so the schema travels with the catalogue.
        const wrapped = typeof schema === 'boolean' ? schema : { ...schema, schemas: manifest.schemas };
        validate = ajv.compile(wrapped);
        compiled.set(schema, validate);
      }
      if (validate(value)) return [];
      return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
    },
  };
}
