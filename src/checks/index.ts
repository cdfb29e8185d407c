import { corsCheck } from './cors.ts';
import { deterministicCheck } from './deterministic.ts';
import { errorContentTypeCheck } from './error-content-type.ts';
import { errorSchemaCheck } from './error-schema.ts';
import { exposureCheck } from './exposure.ts';
import { noLeakCheck } from './no-leak.ts';
import { noServerErrorCheck } from './no-server-error.ts';
import { ownershipCheck } from './ownership.ts';
import { problemStatusCheck } from './problem-status.ts';
import { responseSchemaCheck } from './response-schema.ts';
import { statusCheck } from './status.ts';
import { wwwAuthenticateCheck } from './www-authenticate.ts';

/** The registry, in report order. Ids are part of the public contract: never rename one. */
export const checks = [
  statusCheck,
  noServerErrorCheck,
  wwwAuthenticateCheck,
  errorContentTypeCheck,
  errorSchemaCheck,
  problemStatusCheck,
  deterministicCheck,
  noLeakCheck,
  responseSchemaCheck,
  corsCheck,
  ownershipCheck,
  exposureCheck,
] as const;

export type CheckId = (typeof checks)[number]['id'];

/** The checks that judge what a case observed: its exchanges, or (exposure suite) the listening sockets. */
export function checksObserving(kind: 'exchanges' | 'listeners'): ReadonlyArray<(typeof checks)[number]> {
  return checks.filter((c) => ((c as { observes?: string }).observes ?? 'exchanges') === kind);
}

const ids = checks.map((c) => c.id);
const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
if (duplicate) throw new Error(`duplicate check id ${duplicate}`);
