import type { Endpoint } from '../manifest/types.ts';
import { isContractBody, type DetectedContract } from './errorContract.ts';
import type { ImportWarning } from './importOpenApi.ts';
import { asObject, type JsonObject } from './json.ts';
import type { Operation } from './listOperations.ts';
import { pickJson } from './mediaTypes.ts';
import { deref } from './refs.ts';
import type { SchemaCollector } from './schemaCollector.ts';

/**
 * responses → the endpoint's documented responses by status: the JSON schema of a body, `problem`
 * for an error body under the error contract, null for no (JSON) body. Statuses the error contract
 * already governs (401, 403, 400… as configured) are left out: a positive case must never accept them.
 */
export function responses(
  root: JsonObject,
  { op, label }: Operation,
  collector: SchemaCollector,
  contract: DetectedContract,
  governed: ReadonlySet<number>,
  warn: (w: ImportWarning) => void,
): Endpoint['responses'] {
  const mapped: Endpoint['responses'] = {};
  for (const [status, value] of Object.entries(asObject(op.responses))) {
    if (status === 'default') {
      warn({ operation: label, construct: 'responses', affects: 'coverage', message: 'the default response is not mapped (it names no status); only explicit statuses are checked.' });
      continue;
    }
    if (!/^[1-5][0-9][0-9]$/.test(status)) {
      warn({ operation: label, construct: 'responses', affects: 'coverage', message: `the response range ${status} is not mapped; document explicit statuses to have them checked.` });
      continue;
    }
    if (governed.has(Number(status))) continue;
    const response = deref(root, value);
    if (!response) {
      warn({ operation: label, construct: 'responses', affects: 'coverage', message: `the ${status} response is a $ref that does not resolve; it is documented without a body. Fix the reference.` });
      mapped[status] = null;
      continue;
    }
    const content = asObject(response.content);
    const json = pickJson(content);
    if (!json) {
      if (Object.keys(content).length > 0 && status.startsWith('2')) {
        warn({ operation: label, construct: 'responses', affects: 'coverage', message: `the ${status} response is ${Object.keys(content).join(', ')}, not JSON; its body is not checked.` });
      }
      mapped[status] = null;
    } else if (Number(status) >= 400 && isContractBody(contract, json.mediaType, json.media.schema)) {
      mapped[status] = 'problem';
    } else {
      mapped[status] = json.media.schema === undefined ? {} : collector.convert(json.media.schema, label);
    }
  }
  return mapped;
}
