import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import type { Document, LineCounter } from 'yaml';
import type { Problem } from '../errors.ts';
import { locatePointer } from '../manifest/locate.ts';
import { manifestSchema } from '../manifest/schemaProblems.ts';
import { suggest } from '../manifest/suggest.ts';
import overlaySchema from './overlay.schema.json' with { type: 'json' };

// verbose: errors carry their schema, so "did you mean" can list the keys allowed at that spot.
// validateSchema off: the overlay's schema is the harness's own (see src/manifest/schemaProblems.ts).
const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, validateSchema: false });
ajv.addSchema(manifestSchema);
const validate = ajv.compile(overlaySchema);

/** The overlay's own JSON Schema, published at src/openapi/overlay.schema.json. */
export { overlaySchema };

/** Drops the noise ajv adds for oneOf/if branches when a more specific error explains the same spot. */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword));
  const kept = specific.length > 0 ? specific : errors;
  const seen = new Set<string>();
  return kept.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function describe(error: ErrorObject): { message: string; key?: string; hint?: string } {
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const close = suggest(key, known);
      return { message: `unknown key "${key}"`, key, hint: close ? `did you mean "${close}"?` : known.length > 0 ? `remove it; allowed keys: ${known.join(', ')}` : 'remove it' };
    }
    case 'required':
      return { message: `missing required key "${String(error.params.missingProperty)}"`, hint: error.params.missingProperty === 'harden' ? 'add `harden: 1` at the top' : 'add it' };
    case 'const':
      return { message: `must be ${JSON.stringify(error.params.allowedValue)}` };
    case 'enum':
      return { message: `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    default:
      return { message: error.message ?? `fails ${error.keyword}` };
  }
}

/** Validates a parsed overlay against overlay.schema.json; one located problem per violation. */
export function overlayProblems(value: unknown, doc: Document, lineCounter: LineCounter, file: string): Problem[] {
  if (validate(value)) return [];
  const problems = relevant(validate.errors ?? []).map((error) => {
    const { message, key, hint } = describe(error);
    const pointer = key === undefined ? error.instancePath : `${error.instancePath}/${key}`;
    return { message, hint, location: { file, ...locatePointer(doc, lineCounter, error.instancePath, key), pointer } };
  });
  // In file order, as an editor lists them.
  return problems.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0));
}
