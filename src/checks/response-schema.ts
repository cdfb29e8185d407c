import { defineCheck } from './check.ts';
import { parsedBody } from './mediaType.ts';

/** A served request's body matches the schema documented for its status. Error statuses belong to `error-schema`. */
export const responseSchemaCheck = defineCheck({
  id: 'response-schema',
  title: 'Responses match their documented schema',
  run({ case: c, responses, schemas }) {
    const response = responses[0]!;
    const schema = c.expect.responses?.[String(response.status)];
    if (c.expect.outcome !== 'accept' || schema === undefined || schema === null || schema === 'problem' || response.status >= 400) return [];
    const parsed = parsedBody(response);
    if (!parsed.ok) return [{ code: 'RESPONSE_NOT_JSON', message: `the ${response.status} body is not JSON` }];
    const violations = schemas.validate(schema, parsed.value);
    return violations.length === 0 ? [] : [{ code: 'RESPONSE_SCHEMA_MISMATCH', message: `the ${response.status} body breaks its schema: ${violations.join('; ')}` }];
  },
});
