import { defineCheck } from './check.ts';

/** The answer's status is one the manifest requires for this case. 5xx belong to `no-server-error`. */
export const statusCheck = defineCheck({
  id: 'status',
  title: 'The status the contract requires',
  run({ case: c, responses }) {
    const response = responses[0]!;
    const status = response.status;
    if (status >= 500 || c.expect.statuses.includes(status)) return [];
    const wanted = `expected ${c.expect.statuses.length > 8 ? 'a documented status' : c.expect.statuses.join(' or ')} (${c.expect.reason})`;
    if (status >= 300 && status < 400) {
      return [{ code: 'REDIRECTED', message: `got ${status} redirect${response.headers.location ? ` to ${response.headers.location}` : ''}; ${wanted}` }];
    }
    if (c.expect.outcome === 'reject') {
      const code = status >= 200 && status < 300 ? 'REFUSAL_EXPECTED' : 'STATUS_UNEXPECTED';
      return [{ code, message: `got ${status}; ${wanted}` }];
    }
    if (status === 401 || status === 403) {
      return [{ code: 'CREDENTIAL_REJECTED', message: `got ${status} with a token holding [${c.credential?.token?.kind === 'live' ? c.credential.token.scopes.join(' ') : 'none'}]; ${wanted}` }];
    }
    return [{ code: 'STATUS_UNDOCUMENTED', message: `got ${status}; ${wanted}` }];
  },
});
