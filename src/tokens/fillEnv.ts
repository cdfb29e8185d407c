import { readEnv } from './readEnv.ts';

const isEnvRef = (v: unknown): v is { env: string } =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as { env?: unknown }).env === 'string';

/**
 * Replaces every `{ env: NAME }` in a body template with that variable's value, read once before
 * anything is sent, and returns the values read as secrets for the redactor: a login route's
 * password is named in the manifest, never written there.
 */
export function fillEnv(template: unknown, env: NodeJS.ProcessEnv): { body: unknown; secrets: string[] } {
  const secrets: string[] = [];
  const walk = (node: unknown): unknown => {
    if (isEnvRef(node)) {
      const value = readEnv(node.env, env, 'a value of auth.tokens.issue.body');
      secrets.push(value);
      return value;
    }
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return { body: walk(template), secrets };
}

/** A flat body as form fields: lists become repeated keys (OpenAPI's form style, explode: true). */
export function formFields(body: unknown): [string, string][] {
  const fields: [string, string][] = [];
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) fields.push([key, String(item)]);
  }
  return fields;
}
