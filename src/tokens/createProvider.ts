import type { Dispatcher } from 'undici';
import type { Manifest } from '../manifest/types.ts';
import type { TransportLimits } from '../transport/limits.ts';
import { httpProvider } from './httpProvider.ts';
import type { TokenProvider } from './provider.ts';
import { staticProvider } from './staticProvider.ts';

/** The provider the manifest names. */
export function createProvider(manifest: Manifest, deps: { baseUrl: URL; dispatcher: Dispatcher; limits: TransportLimits; env: NodeJS.ProcessEnv }): TokenProvider {
  const config = manifest.auth.tokens;
  return config.provider === 'static' ? staticProvider(config, deps.env) : httpProvider(config, deps);
}
