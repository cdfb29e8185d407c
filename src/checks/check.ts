import type { Disclosure, ErrorContract } from '../manifest/types.ts';
import type { Case } from '../plan/case.ts';
import type { Exchange, ReceivedResponse } from '../model/exchange.ts';
import type { FindingCode } from '../model/codes.ts';
import type { ListenerObservation } from '../model/listeners.ts';
import type { SchemaValidator } from './schemaValidator.ts';

/** Everything a check may look at: the case, its answered exchanges and the contract. No I/O. */
export interface CheckContext {
  case: Case;
  /** The first answer, and for repeated cases the second. */
  responses: ReceivedResponse[];
  exchanges: Exchange[];
  contract: ErrorContract;
  /** Raw secret values the run holds, so a check can notice one in a response. */
  secrets: readonly string[];
  schemas: SchemaValidator;
  /** The manifest's `disclosure`: headers allowed to name software versions. None when absent. */
  disclosure?: Disclosure;
  /** The exposure suite's observation of the target port's listening sockets (no exchange then). */
  listeners?: ListenerObservation;
}

export interface Check<Id extends string = string> {
  id: Id;
  title: string;
  /**
   * What the check judges: answered exchanges (the default, every suite that sends a request) or the
   * listening sockets the exposure suite reads. A check runs only on cases that observe its kind, so
   * a case's evidence lists exactly the checks that judged it.
   */
  observes?: 'exchanges' | 'listeners';
  run(context: CheckContext): { code: FindingCode; message: string }[];
}

/** Identity helper that keeps a check's id literal, so `CheckId` is a union of the registered ids. */
export function defineCheck<const Id extends string>(check: Check<Id>): Check<Id> {
  return check;
}

/** The error contract governs every 4xx and 5xx answer, whatever the case expected. */
export function underErrorContract(_context: CheckContext, response: ReceivedResponse): boolean {
  return response.status >= 400;
}
