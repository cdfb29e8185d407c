import { defineCheck, underErrorContract } from './check.ts';
import { mediaType } from './mediaType.ts';

/** Errors carry the contract's content type (RFC 9457 §3: application/problem+json by default). */
export const errorContentTypeCheck = defineCheck({
  id: 'error-content-type',
  title: 'Errors use the contract content type',
  run(context) {
    const response = context.responses[0]!;
    if (!underErrorContract(context, response)) return [];
    const got = mediaType(response.headers['content-type']);
    const want = mediaType(context.contract.contentType);
    return got === want ? [] : [{ code: 'ERROR_CONTENT_TYPE', message: `got ${got || 'no content type'} on ${response.status}; the contract says ${want}` }];
  },
});
