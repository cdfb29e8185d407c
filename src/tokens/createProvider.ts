import type { Dispatcher } from 'undici';
import type { Manifest } from '../manifest/types.ts';
import type { TransportLimits } from '../model/limits.ts';
import { httpProvider } from './httpProvider.ts';
import type { TokenProvider } from './provider.ts';
import { staticProvider } from './staticProvider.ts';
import { jwtProvider } from './jwtProvider.ts';
import { oauth2Provider } from './oauth2Provider.ts';

/** The provider the manifest names. */
export async function createProvider(manifest: Manifest, deps: { baseUrl: URL; dispatcher: Dispatcher; limits: TransportLimits; env: NodeJS.ProcessEnv }): Promise<TokenProvider> {
  const config = manifest.auth.tokens;
  switch (config.provider) {
    case 'static':
      return staticProvider(config, deps.env);
    case 'jwt':
      return jwtProvider(config, deps);
    case 'http':
      return httpProvider(config, deps);
    case 'oauth2':
      return oauth2Provider(config, deps);
  }
}
