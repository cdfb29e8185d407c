import type { JsonSchema, Manifest } from '../manifest/types.ts';
import { validatorFor } from './arbitraries/ajv.ts';
import { resolveRef } from './resolveRef.ts';


/** The documented examples of a schema (JSON Schema `examples`, OpenAPI 3.0 `example`), its own or its reference's. */
function documentedExamples(schema: JsonSchema, manifest: Manifest): unknown[] {
  const found: unknown[] = [];
  for (const node of [schema, resolveRef(schema, manifest)]) {
    if (typeof node !== 'object') continue;
    if (Array.isArray(node.examples)) found.push(...node.examples);
    if (node.example !== undefined) found.push(node.example);
  }
  return found;
}

/**
 * The first documented body example that its own schema accepts, or undefined. Real documents carry
 * stale examples; sending one the schema refuses would blame the API for the document's mistake, so
 * such an example is passed over (the malformed suite is where invalid bodies belong).
 */
export function bodyExample(schema: JsonSchema, manifest: Manifest, root: unknown): { value: unknown } | undefined {
  const examples = documentedExamples(schema, manifest);
  if (examples.length === 0) return undefined;
  const validate = validatorFor(schema, root);
  const value = examples.find((example) => validate === undefined || validate(example) === true);
  return value === undefined ? undefined : { value };
}
