import { readFileSync } from 'node:fs';
import { importPKCS8 } from 'jose';
import { HardenError } from '../errors.ts';
import type { JwtTokenProviderConfig } from '../manifest/types.ts';
import { readEnv } from './readEnv.ts';

/** The signing key and its raw text (the text goes to the redactor: a key must never reach a report). */
export async function signingKey(config: JwtTokenProviderConfig, env: NodeJS.ProcessEnv): Promise<{ key: CryptoKey | Uint8Array; secretText: string }> {
  let text: string;
  if ('env' in config.key) {
    text = readEnv(config.key.env, env, `the ${config.algorithm} signing key`);
  } else {
    try {
      text = readFileSync(config.key.file, 'utf8');
    } catch (cause) {
      throw new HardenError('TOKEN_PROVIDER_FAILED', `Cannot read the signing key file ${config.key.file}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}. Check auth.tokens.key.file.`, { cause });
    }
  }
  if (config.algorithm === 'HS256') return { key: new TextEncoder().encode(text), secretText: text };
  try {
    return { key: await importPKCS8(text.trim(), config.algorithm), secretText: text };
  } catch (cause) {
    throw new HardenError('TOKEN_PROVIDER_FAILED', `The ${config.algorithm} signing key is not a PKCS#8 PEM private key for that algorithm. Convert it with "openssl pkcs8 -topk8 -nocrypt".`, { cause });
  }
}
