import type { TokenRef } from '../plan/case.ts';
import { defineCheck } from './check.ts';

/** What the request carried, in words: never "a token holding [none]" for a request that sent none. */
function sentWith(token: TokenRef | undefined): string {
  if (token === undefined) return 'with no token';
  if (token.kind === 'live') {
    const whose = token.principal === undefined ? '' : ` of ${token.principal}`;
    return token.scopes.length === 0 ? `with a valid credential${whose} (no scope)` : `with a token${whose} holding [${token.scopes.join(' ')}]`;
  }
  if (token.kind === 'rotation') return `with the rotation's ${token.which} token`;
  if (token.kind === 'revoked') return 'with the revoked token';
  if (token.kind === 'expired') return 'with the expired token';
  return token.kind === 'forged' ? `with a forged token (${token.flaw})` : `with a ${token.kind} token`;
}

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
      return [{ code: 'CREDENTIAL_REJECTED', message: `got ${status} ${sentWith(c.credential?.token)}; ${wanted}` }];
    }
    return [{ code: 'STATUS_UNDOCUMENTED', message: `got ${status}; ${wanted}` }];
  },
});
