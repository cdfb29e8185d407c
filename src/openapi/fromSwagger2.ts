import { asArray, asObject, asString, isObject, type JsonObject } from './json.ts';
import { deref } from './refs.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
/** Swagger 2.0 puts a non-body parameter's schema keywords on the parameter itself. */
const SCHEMA_KEYS = ['type', 'format', 'items', 'enum', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf', 'default'];

/** 2.0 flow names → 3.x flow names. */
const FLOW_NAMES: Record<string, string> = { implicit: 'implicit', password: 'password', application: 'clientCredentials', accessCode: 'authorizationCode' };

const strings = (value: unknown) => asArray(value).filter((v): v is string => typeof v === 'string');

function parameter(raw: JsonObject): JsonObject {
  const schema = Object.fromEntries(SCHEMA_KEYS.filter((k) => k in raw).map((k) => [k, raw[k]]));
  const converted: JsonObject = { name: raw.name, in: raw.in, required: raw.required === true, schema };
  if ('x-example' in raw) converted.example = raw['x-example'];
  return converted;
}

function requestBody(body: JsonObject | undefined, form: JsonObject[], consumes: string[]): JsonObject | undefined {
  if (body) return { required: body.required === true, content: Object.fromEntries(consumes.map((t) => [t, { schema: body.schema }])) };
  if (form.length === 0) return undefined;
  // Form fields have no JSON schema; the media type alone is enough for the importer to say why it skips them.
  const types = consumes.filter((t) => t.startsWith('multipart/') || t === 'application/x-www-form-urlencoded');
  return { content: Object.fromEntries((types.length > 0 ? types : ['application/x-www-form-urlencoded']).map((t) => [t, {}])) };
}

function responses(doc: JsonObject, raw: unknown, produces: string[]): JsonObject {
  return Object.fromEntries(
    Object.entries(asObject(raw)).map(([status, value]) => {
      const response = deref(doc, value) ?? {};
      const content = response.schema === undefined ? undefined : Object.fromEntries(produces.map((t) => [t, { schema: response.schema }]));
      return [status, { description: response.description ?? '', ...(content ? { content } : {}) }];
    }),
  );
}

function securitySchemes(raw: unknown): JsonObject {
  return Object.fromEntries(
    Object.entries(asObject(raw)).map(([name, scheme]) => {
      const s = asObject(scheme);
      if (s.type === 'basic') return [name, { type: 'http', scheme: 'basic' }];
      if (s.type === 'oauth2') return [name, { type: 'oauth2', flows: { [FLOW_NAMES[asString(s.flow) ?? ''] ?? 'implicit']: { scopes: asObject(s.scopes) } } }];
      return [name, s];
    }),
  );
}

/**
 * Reshapes a bundled Swagger 2.0 document into the OpenAPI 3 members the importer reads:
 * servers, securitySchemes, requestBody and response content. Schemas stay under `definitions`
 * (their `$ref`s point there); everything the importer does not read is left behind.
 */
export function fromSwagger2(doc: JsonObject): JsonObject {
  const consumes = strings(doc.consumes).length > 0 ? strings(doc.consumes) : ['application/json'];
  const produces = strings(doc.produces).length > 0 ? strings(doc.produces) : ['application/json'];
  const host = asString(doc.host);
  const basePath = asString(doc.basePath) ?? '';
  const scheme = strings(doc.schemes)[0] ?? 'https';
  const paths: JsonObject = {};
  for (const [path, rawItem] of Object.entries(asObject(doc.paths))) {
    const item = asObject(rawItem);
    const shared = asArray(item.parameters).map((p) => deref(doc, p)).filter(isObject);
    const converted: JsonObject = { parameters: shared.filter((p) => p.in !== 'body' && p.in !== 'formData').map(parameter) };
    for (const method of METHODS) {
      const op = deref(doc, item[method]);
      if (!op) continue;
      const own = asArray(op.parameters).map((p) => deref(doc, p)).filter(isObject);
      const all = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
      const opConsumes = strings(op.consumes).length > 0 ? strings(op.consumes) : consumes;
      const opProduces = strings(op.produces).length > 0 ? strings(op.produces) : produces;
      converted[method] = {
        ...op,
        parameters: own.filter((p) => p.in !== 'body' && p.in !== 'formData').map(parameter),
        requestBody: requestBody(all.find((p) => p.in === 'body'), all.filter((p) => p.in === 'formData'), opConsumes),
        responses: responses(doc, op.responses, opProduces),
      };
    }
    paths[path] = converted;
  }
  return {
    swagger: doc.swagger,
    info: doc.info,
    servers: host ? [{ url: `${scheme}://${host}${basePath}` }] : basePath ? [{ url: basePath }] : [],
    paths,
    security: doc.security,
    definitions: doc.definitions,
    components: { securitySchemes: securitySchemes(doc.securityDefinitions) },
  };
}
