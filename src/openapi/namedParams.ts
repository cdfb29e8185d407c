import { RESERVED_HEADERS } from '../manifest/semanticProblems.ts';
import type { NamedParameter } from '../manifest/types.ts';
import type { ImportWarning } from './importOpenApi.ts';
import type { JsonObject } from './json.ts';
import type { Operation } from './listOperations.ts';
import { examples, mergedParameters } from './pathParams.ts';
import { fixedSchema } from './discriminators.ts';
import type { SchemaCollector } from './schemaCollector.ts';

/** OpenAPI says these header parameters are ignored: the request's own machinery sets them. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;


/**
 * The serialisations the planner sends (OpenAPI's defaults: `form` + explode for the query and
 * cookies, `simple` for headers). Another style would put other text on the wire than the document
 * describes, so such a parameter is left out, with a warning.
 */
function defaultStyle(param: JsonObject): boolean {
  const style = param.style ?? (param.in === 'header' ? 'simple' : 'form');
  const explode = param.explode ?? style === 'form';
  return param.in === 'header' ? style === 'simple' && explode === false : style === 'form' && explode === true;
}

/**
 * Query, header and cookie parameters → the endpoint's `query`, `headers` and `cookies`: the
 * schema (with the documented example first in `examples`) and whether it is required.
 * Parameters described with `content` are sent as strings.
 */
export function namedParams(
  root: JsonObject,
  operation: Operation,
  collector: SchemaCollector,
  warn: (w: ImportWarning) => void,
): { query: Record<string, NamedParameter>; headers: Record<string, NamedParameter>; cookies: Record<string, NamedParameter> } {
  const { label } = operation;
  const query: Record<string, NamedParameter> = {};
  const headers: Record<string, NamedParameter> = {};
  const cookies: Record<string, NamedParameter> = {};
  for (const param of mergedParameters(root, operation, () => {})) {
    if (param.in !== 'query' && param.in !== 'header' && param.in !== 'cookie') continue;
    const name = String(param.name);
    const lower = name.toLowerCase();
    if (param.in === 'header' && IGNORED_HEADERS.has(lower)) continue;
    // RFC 9110 §5.1: a field name is a token; RFC 6265 §4.1.1: so is a cookie name. A query name only needs to exist.
    if (param.in === 'query' ? name === '' : !FIELD_NAME.test(name)) {
      warn({ operation: label, construct: 'parameters', message: `${param.in} parameter "${name}" has a name that cannot be sent${param.in === 'query' ? '' : ' (not an RFC 9110 token)'}; it is left out. Fix its name in the document.` });
      continue;
    }
    const required = param.required === true;
    const what = `${required ? 'required ' : ''}${param.in} parameter "${name}"`;
    const consequence = required ? ', so the API may refuse every case; exclude the operation in the overlay if it does' : '';
    // An optional parameter left out narrows what is sent; a required one may get every case refused.
    const affects = required ? {} : { affects: 'coverage' as const };
    // The rest of the headers the manifest refuses: the HTTP layer owns them.
    if (param.in === 'header' && RESERVED_HEADERS.has(lower)) {
      warn({ operation: label, construct: 'parameters', ...affects, message: `${what} names a header the HTTP layer sets; it is not sent${consequence}.` });
      continue;
    }
    if (!defaultStyle(param)) {
      warn({ operation: label, construct: 'parameters', ...affects, message: `${what} uses style "${String(param.style ?? '')}"${param.explode !== undefined ? ` with explode: ${String(param.explode)}` : ''}, which the harness does not serialise; it is not sent${consequence}.` });
      continue;
    }
    if (param.schema === undefined && param.content !== undefined) {
      warn({ operation: label, construct: 'parameters', message: `${what} is described with content, not schema; it is sent as a string.` });
    }
    const converted = collector.convert(param.schema ?? { type: 'string' }, label);
    const documented = examples(param, param.schema, undefined, root);
    let schema = converted;
    if (typeof converted !== 'boolean') {
      const { example: _example, examples: _examples, ...rest } = converted;
      schema = documented.length > 0 ? { ...rest, examples: documented } : rest;
    } else if (documented.length > 0) schema = { examples: documented };
    if (param.in === 'header') headers[lower] = { schema, required };
    else (param.in === 'query' ? query : cookies)[name] = { schema, required };
  }
  // Values the path fixes (`/#X-Amz-Target=…`, `/?Action=…`) win over the parameter's own schema: they
  // are what makes this operation this one. Where the document declares no such parameter, a `#`
  // name with a hyphen is a header (X-Amz-Target), anything else a query parameter (Action).
  for (const { name, value, marker } of operation.fixed ?? []) {
    const lower = name.toLowerCase();
    if (value === undefined) {
      // a bare name: the parameter must be sent, whatever its value (AWS declares these as required query parameters already)
      if (lower in headers) headers[lower] = { ...headers[lower]!, required: true };
      else query[name] = { schema: query[name]?.schema ?? { type: 'string' }, required: true };
      continue;
    }
    if (lower in headers || (!(name in query) && marker === '#' && name.includes('-'))) headers[lower] = fixedSchema(value);
    else query[name] = fixedSchema(value);
  }
  return { query, headers, cookies };
}
