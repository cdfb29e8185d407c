import type { Endpoint, JsonSchema, NamedParameter } from '../manifest/types.ts';
import { endpointAccess, requirementsOf, type Access } from './endpointAccess.ts';
import type { DetectedContract } from './errorContract.ts';
import type { ImportWarning } from './importOpenApi.ts';
import type { JsonObject } from './json.ts';
import { namedParams } from './namedParams.ts';
import { pathParams } from './pathParams.ts';
import { requestBody } from './requestBody.ts';
import { responses } from './responses.ts';
import type { SchemaCollector } from './schemaCollector.ts';
import type { AuthModel } from './securitySchemes.ts';
import type { Selected } from './selectOperations.ts';

/** What every operation's mapping shares. */
export interface MappingContext {
  root: JsonObject;
  collector: SchemaCollector;
  auth: AuthModel;
  contract: DetectedContract;
  governed: ReadonlySet<number>;
  warn: (w: ImportWarning) => void;
}

/** An endpoint before the scope catalogue is complete: "any token" is resolved once every operation is read. */
export interface MappedEndpoint {
  id: string;
  method: Endpoint['method'];
  path: string;
  access: Access;
  params: Record<string, JsonSchema>;
  query: Record<string, NamedParameter>;
  headers: Record<string, NamedParameter>;
  cookies: Record<string, NamedParameter>;
  body?: JsonSchema;
  contentType?: string;
  responses: Endpoint['responses'];
}

/** One operation → one endpoint: access from security, params from path parameters, query and headers from theirs, body, responses. */
export function mapEndpoint(ctx: MappingContext, { operation, id, examples, body }: Selected): MappedEndpoint {
  const { root, collector, warn } = ctx;
  const params = pathParams(root, operation, collector, examples, warn);
  for (const name of Object.keys(examples).filter((n) => !(n in params))) {
    warn({ operation: operation.label, construct: 'overlay', message: `examples.${id}.${name} names no path parameter of ${operation.path}; it is ignored.` });
  }
  return {
    id,
    method: operation.method,
    path: operation.path,
    access: endpointAccess(requirementsOf(operation.op, root), ctx.auth, operation.label, warn),
    params,
    ...namedParams(root, operation, collector, warn),
    ...requestBody(root, operation, collector, warn, body),
    responses: responses(root, operation, collector, ctx.contract, ctx.governed, warn),
  };
}
