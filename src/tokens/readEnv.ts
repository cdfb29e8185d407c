import { HardenError } from '../errors.ts';

/** A secret from the environment variable the manifest names; its absence is the user's to fix. */
export function readEnv(name: string, env: NodeJS.ProcessEnv, purpose: string): string {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new HardenError('TOKEN_PROVIDER_FAILED', `The environment variable ${name} (${purpose}) is not set. Export it and run again.`);
  }
  return value;
}
