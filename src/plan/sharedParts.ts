import type { Manifest } from '../manifest/types.ts';
import { TOKEN_FLAWS, type Case, type FuzzSpec, type TokenFlaw } from './case.ts';
import { flat, shared } from './shared.ts';

/** A scope-matrix cell: one per scope and verdict in a manifest, shared by every route's cell. */
export function matrixCell(manifest: Manifest, scope: string, expected: 'allow' | 'deny'): NonNullable<Case['matrix']> {
  return shared(manifest, `matrix\n${expected}\n${scope}`, () => Object.freeze({ scope, expected }));
}

/** The variant of a scope-matrix cell, `scope orders:read`: the same text on every route. */
export const scopeVariant = (manifest: Manifest, scope: string): string => shared(manifest, `variant\n${scope}`, () => flat('scope ', scope));

const FORGED_VARIANTS = new Map(TOKEN_FLAWS.map((flaw) => [flaw, flat('forged token: ', flaw)]));
/** The variant of a forged-token case, `forged token: expired`. */
export const forgedVariant = (flaw: TokenFlaw): string => FORGED_VARIANTS.get(flaw)!;

/** A property's generator and run count: the same for every endpoint it is planned on. */
export function fuzzSpec(manifest: Manifest, generator: FuzzSpec['generator'], runs: number): FuzzSpec {
  return shared(manifest, `fuzz\n${generator}\n${runs}`, () => Object.freeze({ generator, runs }));
}
