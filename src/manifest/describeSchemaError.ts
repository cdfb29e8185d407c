import type { ErrorObject } from 'ajv';
import { describeTypes, describeValue, typeHint } from './describeValue.ts';
import { suggest } from './suggest.ts';

export interface Described {
  message: string;
  /** Set when the problem is a member name (unknown key, bad response status): the location is the key itself. */
  key?: string;
  hint?: string;
  /** For an unknown key: the known key it is probably a typo of. */
  suggested?: string;
}

/** Patterns of the manifest schema in words, with a hint built from what was found. */
const PATTERNS: Record<string, (found: string) => Described> = {
  '^https?://[^/?#]+(/[^?#]*)?$': (found) => ({
    message: `must be an absolute http:// or https:// URL, found ${describeValue(found)}`,
    hint: /^[a-z][a-z0-9+.-]*:\/\//i.test(found) ? 'use http or https, with no query or fragment' : `add the scheme: "http://${found.replace(/^\/+/, '')}"`,
  }),
  '^/[^?#]*$': (found) => ({
    message: `must be a path starting with "/" (no query or fragment), found ${describeValue(found)}`,
    hint: found.startsWith('/') ? 'remove the ?query or #fragment' : `write "/${found}"`,
  }),
  '^/': (found) => ({ message: `must be a path starting with "/", found ${describeValue(found)}`, hint: `write "/${found}"` }),
  '^/.*\\{id\\}': (found) => ({ message: `must be a path starting with "/" that holds {id}, found ${describeValue(found)}`, hint: 'e.g. "/auth/tokens/{id}"' }),
  '^[A-Za-z_][A-Za-z0-9_]*$': (found) => ({
    message: `must be an environment variable name (letters, digits and _, not starting with a digit), found ${describeValue(found)}`,
    hint: 'name the variable, never its value',
  }),
  '^[A-Za-z0-9][A-Za-z0-9._-]*$': (found) => ({ message: `must be a name of letters, digits, ".", "_" and "-", found ${describeValue(found)}`, hint: 'e.g. orders-api' }),
  '^[A-Za-z][A-Za-z0-9_.-]*$': (found) => ({ message: `must be an id of letters, digits, "_", "." and "-" starting with a letter, found ${describeValue(found)}`, hint: 'e.g. getOrder' }),
  '^[a-zA-Z0-9!#$&^_.+-]+/[a-zA-Z0-9!#$&^_.+-]+$': (found) => ({ message: `must be a media type, found ${describeValue(found)}`, hint: 'e.g. application/problem+json' }),
  '^(/.*)?$': (found) => ({ message: `must be a JSON pointer, found ${describeValue(found)}`, hint: 'e.g. /access_token' }),
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One ajv error in the words of the manifest: what is wrong, what was found, what to do. */
export function describeSchemaError(error: ErrorObject): Described {
  const found = error.data;
  const params = error.params as Record<string, any>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const close = suggest(key, known);
      return { message: `unknown key "${key}"`, key, suggested: close, hint: close ? `did you mean "${close}"?` : `remove it; allowed keys here: ${known.join(', ')}` };
    }
    case 'required':
      return { message: `missing required key "${String(params.missingProperty)}"`, hint: 'add it; fixtures/reference-api/manifest.yaml shows every key' };
    case 'type': {
      const expected = ([] as string[]).concat(params.type);
      if (error.instancePath === '') {
        return { message: `the manifest must be a map of keys (harden, service, baseUrl, auth, endpoints, …), found ${describeValue(found)}`, hint: 'start from fixtures/reference-api/manifest.yaml' };
      }
      return { message: `expected ${describeTypes(expected)}, found ${describeValue(found)}`, hint: typeHint(expected, found) };
    }
    case 'const': {
      const allowed = params.allowedValue;
      const hint =
        typeof allowed === 'number' && String(allowed) === String(found)
          ? `write ${allowed} without quotes`
          : error.instancePath === '/harden'
            ? `this harness reads manifest format ${allowed}`
            : typeof allowed === 'string'
              ? `write "${allowed}"`
              : `write ${JSON.stringify(allowed)}`;
      return { message: `must be ${JSON.stringify(allowed)}, found ${describeValue(found)}`, hint };
    }
    case 'enum': {
      const allowed = params.allowedValues as unknown[];
      const close = typeof found === 'string' ? suggest(found, allowed.map(String)) : undefined;
      return { message: `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}, found ${describeValue(found)}`, hint: close ? `did you mean "${close}"?` : 'use one of these' };
    }
    case 'pattern':
      return PATTERNS[params.pattern]?.(String(found)) ?? { message: `must match ${params.pattern}, found ${describeValue(found)}`, hint: 'change the value to match' };
    case 'propertyNames':
      return { message: `"${String(params.propertyName)}" is not an HTTP status`, key: String(params.propertyName), hint: 'response keys are statuses from 100 to 599, e.g. 200 or 404' };
    case 'minimum':
    case 'maximum':
      return {
        message: `must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${params.limit}, found ${describeValue(found)}`,
        hint:
          error.instancePath === '/limits/maxBodyBytes'
            ? 'the oversized-body case sends just past this limit; leave limits out to skip that case'
            : /\/statuses\//.test(error.instancePath)
              ? 'an HTTP status is a number from 100 to 599'
              : `use a number ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${params.limit}`,
      };
    case 'minItems':
      return { message: `must list at least ${plural(params.limit, 'item')}, found ${Array.isArray(found) ? found.length : 0}`, hint: 'add one, or remove the key' };
    case 'minProperties':
      return { message: `must hold at least ${plural(params.limit, 'key')}`, hint: 'add one, or remove the key' };
    case 'minLength':
      return { message: 'must not be empty', hint: 'fill in a value or remove the key' };
    case 'uniqueItems':
      return { message: `lists the same item twice (items ${params.j} and ${params.i})`, hint: 'remove the repeat' };
    default:
      return { message: error.message ?? `fails ${error.keyword}`, hint: 'src/manifest/manifest.schema.json defines this key' };
  }
}
