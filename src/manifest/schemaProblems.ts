import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import type { Document, LineCounter } from 'yaml';
import manifestSchema from './manifest.schema.json' with { type: 'json' };
import type { Problem } from '../errors.ts';
import { locatePointer } from './locate.ts';
import { suggest } from './suggest.ts';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(manifestSchema);

/** The manifest's own JSON Schema, published at src/manifest/manifest.schema.json. */
export { manifestSchema };

/** Allowed member names at a schema location, for "did you mean" hints. */
function knownKeys(schemaPath: string): string[] {
  // schemaPath looks like "#/properties/auth/additionalProperties"; walk it to the owning object schema.
  const segments = schemaPath.replace(/^#\//, '').split('/').slice(0, -1);
  let node: unknown = manifestSchema;
  for (const s of segments) node = (node as Record<string, unknown> | undefined)?.[decodeURIComponent(s)];
  const props = (node as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}

/** Drops the noise ajv adds for oneOf/if branches when a more specific error explains the same spot. */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword));
  const kept = specific.length > 0 ? specific : errors;
  const seen = new Set<string>();
  return kept.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describe(error: ErrorObject): { message: string; key?: string; hint?: string } {
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const close = suggest(key, knownKeys(error.schemaPath));
      return {
        message: `unknown key "${key}"`,
        key,
        hint: close ? `did you mean "${close}"?` : `remove it; allowed keys: ${knownKeys(error.schemaPath).join(', ')}`,
      };
    }
    case 'required':
      return { message: `missing required key "${String(error.params.missingProperty)}"`, hint: 'add it' };
    case 'const':
      return { message: `must be ${JSON.stringify(error.params.allowedValue)}` };
    case 'enum':
      return { message: `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    default:
      return { message: error.message ?? `fails ${error.keyword}` };
  }
}

/** Validates a parsed manifest against the manifest schema; one located problem per violation. */
export function schemaProblems(value: unknown, doc: Document, lineCounter: LineCounter, file: string): Problem[] {
  if (validate(value)) return [];
  return relevant(validate.errors ?? []).map((error) => {
    const { message, key, hint } = describe(error);
    const pointer = key === undefined ? error.instancePath : `${error.instancePath}/${key}`;
    const position = locatePointer(doc, lineCounter, error.instancePath, key);
    return { message, hint, location: { file, ...position, pointer } };
  });
}
