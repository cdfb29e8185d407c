import type { Manifest } from '../manifest/types.ts';
import { TOKEN_FLAWS, type TokenFlaw } from './case.ts';

/** The invalid tokens the manifest's provider can forge: only a provider that signs locally can. */
export function forgeableFlaws(manifest: Manifest): TokenFlaw[] {
  const tokens = manifest.auth.tokens;
  if (tokens.provider !== 'jwt') return [];
  // A claim the valid tokens do not carry is one the API need not check: a wrong value of it proves
  // nothing (without a key id, an unknown one proves nothing either).
  const unnamed: Partial<Record<TokenFlaw, boolean>> = { 'unknown-key-id': tokens.keyId === undefined, 'wrong-audience': tokens.audience === undefined, 'wrong-issuer': tokens.issuer === undefined };
  return TOKEN_FLAWS.filter((flaw) => unnamed[flaw] !== true);
}
