import type { ImportWarning } from './importOpenApi.ts';
import { asObject, type JsonObject } from './json.ts';
import type { Operation } from './listOperations.ts';
import { baseType, pickJson } from './mediaTypes.ts';
import { deref } from './refs.ts';

/** The error contract the document implies: RFC 9457 problems, or its own common error body. */
export interface DetectedContract {
  contentType: string;
  /** true: `schema: rfc9457`; false: `schema` is the document's (raw, not yet converted) schema. */
  rfc9457: boolean;
  schema?: unknown;
}

const PROBLEM = 'application/problem+json';
/** type/subtype as RFC 6838 §4.2 restricts their names: no wildcard, no parameters. */
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/;
const isError = (status: string) => status === 'default' || /^[45]/.test(status);

/** The media type and raw schema of one error response: its JSON media type, else its first. */
function errorBody(root: JsonObject, response: unknown): { type: string; schema: unknown } | undefined {
  const content = asObject(deref(root, response)?.content);
  const json = pickJson(content);
  if (json) return { type: baseType(json.mediaType), schema: json.media.schema };
  const first = Object.keys(content)[0];
  return first === undefined ? undefined : { type: baseType(first), schema: undefined };
}

function mostCommon<T>(items: readonly T[], key: (item: T) => string, prefer?: string): T | undefined {
  const counts = new Map<string, { item: T; n: number }>();
  for (const item of items) {
    const k = key(item);
    counts.set(k, { item, n: (counts.get(k)?.n ?? 0) + 1 });
  }
  let best: { k: string; item: T; n: number } | undefined;
  for (const [k, { item, n }] of counts) {
    if (!best || n > best.n || (n === best.n && k === prefer)) best = { k, item, n };
  }
  return best?.item;
}

/**
 * Looks at every documented error response (4xx, 5xx, default) of the endpoints kept. When
 * problem+json is the most used error media type (ties go to it), the contract is RFC 9457;
 * otherwise it is the most used media type with its most used schema. `$ref`s are compared as
 * written, so "most used" means the same component.
 */
export function detectErrorContract(root: JsonObject, operations: readonly Operation[], warn: (w: ImportWarning) => void): DetectedContract {
  const bodies = operations.flatMap(({ op }) =>
    Object.entries(asObject(op.responses))
      .filter(([status]) => isError(status))
      .map(([, response]) => errorBody(root, response))
      .filter((b) => b !== undefined),
  );
  // A media range (`*/*`, `application/*`) says any type may come: it is no contract to check
  // against (RFC 9110 §12.5.1 ranges belong in Accept), and the manifest accepts only a media type.
  const ranges = bodies.filter((b) => !MEDIA_TYPE.test(b.type));
  if (ranges.length > 0) {
    warn({ construct: 'errors', message: `${ranges.length} error response(s) give a media range or no valid media type (${[...new Set(ranges.map((b) => `"${b.type}"`))].slice(0, 3).join(', ')}); they are left out of the error contract. Name the real error type under errors.contentType in the overlay.` });
  }
  const type = mostCommon(bodies.filter((b) => MEDIA_TYPE.test(b.type)), (b) => b.type, PROBLEM)?.type;
  if (type === undefined) {
    warn({ construct: 'errors', message: 'no error response documents a body; the error contract defaults to RFC 9457 application/problem+json. Set errors.contentType and errors.schema in the overlay if the API answers otherwise.' });
    return { contentType: PROBLEM, rfc9457: true };
  }
  if (type === PROBLEM) return { contentType: PROBLEM, rfc9457: true };
  const schema = mostCommon(bodies.filter((b) => b.type === type), (b) => JSON.stringify(b.schema) ?? '')?.schema;
  return { contentType: type, rfc9457: false, schema };
}

/** Whether an error response is the contract's error body, written as `problem` in the manifest. */
export function isContractBody(contract: DetectedContract, type: string, schema: unknown): boolean {
  if (baseType(type) !== contract.contentType) return false;
  return contract.rfc9457 || JSON.stringify(schema) === JSON.stringify(contract.schema);
}
