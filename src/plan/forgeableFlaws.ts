import type { Manifest } from '../manifest/types.ts';
import { TOKEN_FLAWS, type TokenFlaw } from './case.ts';

/** The invalid tokens the manifest's provider can forge: only a provider that signs locally can. */
export function forgeableFlaws(manifest: Manifest): TokenFlaw[] {
  const tokens = manifest.auth.tokens;
  if (tokens.provider !== 'jwt') return [];
  // Without a key id in the valid tokens, an unknown one proves nothing.
  return TOKEN_FLAWS.filter((flaw) => flaw !== 'unknown-key-id' || tokens.keyId !== undefined);
}
