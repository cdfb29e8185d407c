import type { SchemaValidator } from '../checks/schemaValidator.ts';
import { runChecks } from '../checks/runChecks.ts';
import type { Disclosure, ErrorContract } from '../manifest/types.ts';
import type { Case } from '../plan/case.ts';
import type { Exchange, ReceivedResponse } from '../model/exchange.ts';
import type { Finding } from '../model/finding.ts';

/** Checks over raw exchanges (they need raw secrets to spot an echo); redaction happens after. */
export function judgeCase(c: Case, exchanges: Exchange[], contract: ErrorContract, secrets: readonly string[], schemas: SchemaValidator, disclosure?: Disclosure): Finding[] {
  const responses = exchanges.map((e) => e.response).filter((r): r is ReceivedResponse => r !== undefined);
  if (responses.length === 0) return [];
  return runChecks({ case: c, responses, exchanges, contract, secrets, schemas, disclosure });
}
