import { defineCheck, underErrorContract } from './check.ts';
import { parsedBody } from './mediaType.ts';

/** Error bodies validate against the manifest's error schema. */
export const errorSchemaCheck = defineCheck({
  id: 'error-schema',
  title: 'Errors match the error schema',
  run(context) {
    const response = context.responses[0]!;
    if (!underErrorContract(context, response)) return [];
    const parsed = parsedBody(response);
    if (!parsed.ok) return [{ code: 'ERROR_BODY_NOT_JSON', message: `the ${response.status} body is not JSON (${response.body.length} characters)` }];
    const violations = context.schemas.validate(context.contract.schema, parsed.value);
    return violations.length === 0 ? [] : [{ code: 'ERROR_SCHEMA_MISMATCH', message: `the ${response.status} body breaks the error schema: ${violations.join('; ')}` }];
  },
});
