/** The reference API in its own process (so a load generator in this process never shares its event loop). */
import { randomBytes } from 'node:crypto';
import { request } from 'undici';
import { startServerChild, type ServerChild } from './child.ts';

/** The seeded open order (fixtures/reference-api/orders.ts). */
export const SEEDED_ORDER_ID = '3f2b8c1e-9a4d-4e2b-8f6a-1c2d3e4f5a6b';

export interface ReferenceTarget extends ServerChild {
  env: NodeJS.ProcessEnv;
  basic: string;
  /** Issues a token for `scopes`; returns its value and id. */
  issue(scopes: string[]): Promise<{ token: string; id: string }>;
  revoke(id: string): Promise<void>;
}

export async function startReferenceTarget(): Promise<ReferenceTarget> {
  const clientId = 'harden-bench';
  const clientSecret = randomBytes(24).toString('base64url');
  const env = { ...process.env, HARDEN_CLIENT_ID: clientId, HARDEN_CLIENT_SECRET: clientSecret, REFERENCE_PORT: '0', REFERENCE_REGRESSIONS: '' };
  const server = await startServerChild('fixtures/reference-api/serve.ts', env);
  const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
  return {
    ...server,
    env,
    basic,
    async issue(scopes) {
      const res = await request(`${server.url}/auth/tokens`, {
        method: 'POST',
        headers: { authorization: basic, 'content-type': 'application/json' },
        body: JSON.stringify({ scopes }),
      });
      const body = (await res.body.json()) as { access_token: string; token_id: string };
      if (res.statusCode !== 201) throw new Error(`token issue answered ${res.statusCode}`);
      return { token: body.access_token, id: body.token_id };
    },
    async revoke(id) {
      const res = await request(`${server.url}/auth/tokens/${id}`, { method: 'DELETE', headers: { authorization: basic } });
      await res.body.dump();
      if (res.statusCode !== 204) throw new Error(`token revoke answered ${res.statusCode}`);
    },
  };
}
