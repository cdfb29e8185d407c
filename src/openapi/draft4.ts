import type { JsonObject } from './json.ts';

/**
 * The two OpenAPI 3.0 / Swagger 2.0 schema habits the harness's validator (ajv, JSON Schema 2020-12)
 * refuses to compile; everything else, `nullable` with a `type` included, is kept as written.
 * - boolean `exclusiveMinimum`/`exclusiveMaximum` (draft 4) become the numeric form;
 * - `nullable: true` without `type` (3.0.3 says it then has no effect, but authors mean "or null")
 *   becomes `anyOf: [the schema, {type: null}]`, the lenient reading: a checker must not invent findings;
 * - 2.0's `type: file` (not a JSON type) is dropped: the body is not JSON anyway.
 */
export function adaptDraft4(schema: JsonObject): JsonObject {
  const s = { ...schema };
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof s[flag] !== 'boolean') continue;
    if (s[flag] === true && typeof s[bound] === 'number') {
      s[flag] = s[bound];
      delete s[bound];
    } else {
      delete s[flag];
    }
  }
  if (s.type === 'file') delete s.type;
  if ('nullable' in s && s.type === undefined) {
    const { nullable, ...rest } = s;
    return nullable === true ? { anyOf: [rest, { type: 'null' }] } : rest;
  }
  return s;
}
