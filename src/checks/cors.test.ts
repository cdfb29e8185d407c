import { describe, expect, it } from 'vitest';
import type { Cors } from '../manifest/types.ts';
import { corsCheck } from './cors.ts';
import { testContext } from './testContext.ts';

const ATTACKER = 'https://attacker.example';

/** One answer to a request from `origin` (a preflight when `preflight` names the method asked for). */
function judge(origin: string | undefined, headers: Record<string, string>, options: { cors?: Cors; preflight?: string; status?: number } = {}) {
  const context = testContext({ expect: { outcome: 'accept', statuses: [200, 204], cors: options.cors }, responses: [{ status: options.status ?? 200, headers }], method: options.preflight ? 'OPTIONS' : 'GET' });
  const requestHeaders: Record<string, string> = {
    ...(origin !== undefined && { origin }),
    ...(options.preflight !== undefined && { 'access-control-request-method': options.preflight }),
  };
  context.case = { ...context.case, request: { ...context.case.request, headers: requestHeaders } };
  return corsCheck.run(context).map((f) => f.code);
}

const reflected = (origin: string) => ({ 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' });

describe('cors', () => {
  it('holds for an answer without CORS headers, and reads nothing when the request had no Origin', () => {
    expect(judge(ATTACKER, {})).toEqual([]);
    expect(judge(undefined, reflected(ATTACKER))).toEqual([]);
  });

  it('reports a foreign origin, null included, reflected with credentials (high)', () => {
    expect(judge(ATTACKER, reflected(ATTACKER))).toEqual(['CORS_ORIGIN_REFLECTED']);
    expect(judge('null', reflected('null'))).toEqual(['CORS_ORIGIN_REFLECTED']);
  });

  it('near misses: reflection without credentials, credentials other than the exact `true`, another origin named', () => {
    expect(judge(ATTACKER, { 'access-control-allow-origin': ATTACKER })).toEqual([]);
    expect(judge(ATTACKER, { 'access-control-allow-origin': ATTACKER, 'access-control-allow-credentials': 'TRUE' })).toEqual([]);
    expect(judge(ATTACKER, reflected('https://app.example'))).toEqual([]);
  });

  it('allows listed origins, and credentials for them only with cors.credentials', () => {
    const listed = { allowedOrigins: [ATTACKER], credentials: true };
    expect(judge(ATTACKER, reflected(ATTACKER), { cors: listed })).toEqual([]);
    expect(judge(ATTACKER, reflected(ATTACKER), { cors: { ...listed, credentials: false } })).toEqual(['CORS_ORIGIN_REFLECTED']);
  });

  it('`*` is fine without credentials (a public API) and a finding with them (medium)', () => {
    expect(judge(ATTACKER, { 'access-control-allow-origin': '*' })).toEqual([]);
    expect(judge(ATTACKER, { 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' })).toEqual(['CORS_WILDCARD_WITH_CREDENTIALS']);
  });

  it('reports a preflight granting a state-changing method to a foreign origin; methods match exactly', () => {
    const grant = { 'access-control-allow-origin': ATTACKER, 'access-control-allow-methods': 'GET, DELETE' };
    expect(judge(ATTACKER, grant, { preflight: 'DELETE', status: 204 })).toEqual(['CORS_PREFLIGHT_GRANTS_ANY_ORIGIN']);
    expect(judge(ATTACKER, { 'access-control-allow-origin': '*', 'access-control-allow-methods': '*' }, { preflight: 'DELETE', status: 204 })).toEqual(['CORS_PREFLIGHT_GRANTS_ANY_ORIGIN']);
    expect(judge(ATTACKER, { ...grant, 'access-control-allow-methods': 'GET, delete' }, { preflight: 'DELETE', status: 204 })).toEqual([]);
    expect(judge(ATTACKER, grant, { preflight: 'DELETE', status: 405 })).toEqual([]);
    expect(judge(ATTACKER, grant, { preflight: 'DELETE', status: 204, cors: { allowedOrigins: [ATTACKER], credentials: false } })).toEqual([]);
  });
});
