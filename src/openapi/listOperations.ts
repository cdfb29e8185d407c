import type { HttpMethod } from '../manifest/types.ts';
import type { ImportWarning } from './importOpenApi.ts';
import { asObject, isObject, type JsonObject } from './json.ts';
import { deref } from './refs.ts';
import { splitFixedParameters, type FixedParameter } from './discriminators.ts';

/** One operation of the document, with the path item it sits in (for path-level parameters). */
export interface Operation {
  method: HttpMethod;
  path: string;
  /** `GET /orders/{id}`: how warnings and `exclude` name it. */
  label: string;
  item: JsonObject;
  op: JsonObject;
  /** Header or query values the document's path fixes (`/#X-Amz-Target=…`); absent for a plain path. */
  fixed?: FixedParameter[];
}

const METHODS: readonly HttpMethod[] = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH'];

/**
 * Every operation in `paths`, in document order. What the harness cannot send is skipped with a
 * warning (TRACE, paths that are not absolute); callbacks, webhooks and operation-level servers
 * are described but not tested, so they become warnings too.
 */
export function listOperations(root: JsonObject, warn: (w: ImportWarning) => void): Operation[] {
  const operations: Operation[] = [];
  for (const key of ['webhooks', 'x-webhooks']) {
    const count = Object.keys(asObject(root[key])).length;
    if (count > 0) warn({ construct: 'webhooks', message: `${count} ${key} are requests the API sends, not receives; they are not tested.` });
  }
  for (const [path, value] of Object.entries(asObject(root.paths))) {
    const item = deref(root, value);
    if (!item) {
      warn({ operation: path, construct: 'paths', message: `the path item for ${path} is a $ref that does not resolve; its operations are skipped. Fix the reference.` });
      continue;
    }
    const split = /^\/[^?#]*$/.test(path) ? { path, fixed: undefined } : splitFixedParameters(path);
    if (!split) {
      warn({ operation: path, construct: 'paths', message: `the path "${path}" is not an absolute path, nor one followed by name=value pairs after "?" or "#" (or bare names after "#"); its operations are skipped. Write the path without query or fragment, and the values as parameters.` });
      continue;
    }
    if (isObject(item.trace)) warn({ operation: `TRACE ${path}`, construct: 'trace', message: 'TRACE is not a method the manifest supports; the operation is skipped.' });
    if (Array.isArray(item.servers) && item.servers.length > 0) {
      warn({ operation: path, construct: 'servers', message: 'path-level servers are ignored; every endpoint is sent to the manifest baseUrl.' });
    }
    // Document order, so endpoints (and reports) follow the order the author chose.
    for (const key of Object.keys(item)) {
      const method = METHODS.find((m) => m.toLowerCase() === key);
      const op = item[key];
      if (method === undefined || !isObject(op)) continue;
      const label = `${method} ${path}`;
      if (isObject(op.callbacks) && Object.keys(op.callbacks).length > 0) {
        warn({ operation: label, construct: 'callbacks', message: `callbacks (${Object.keys(op.callbacks).join(', ')}) are requests the API sends; they are not tested.` });
      }
      if (Array.isArray(op.servers) && op.servers.length > 0) {
        warn({ operation: label, construct: 'servers', message: 'operation-level servers are ignored; the endpoint is sent to the manifest baseUrl.' });
      }
      operations.push({ method, path: split.path, label, item, op, ...(split.fixed && { fixed: split.fixed }) });
    }
  }
  return operations;
}
