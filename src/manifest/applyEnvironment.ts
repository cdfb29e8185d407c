import { HardenError } from '../errors.ts';
import type { Manifest } from './types.ts';

/**
 * The manifest as one environment sees it (--env): its base URL, exposure, token provider and
 * endpoint overrides. Pure. The approved differences become warnings, so every report shows them.
 */
export function applyEnvironment(manifest: Manifest, name: string): Manifest {
  const profile = manifest.environments[name];
  if (!profile) {
    const known = Object.keys(manifest.environments);
    throw new HardenError('OPTION_INVALID', `--env: the manifest has no environment "${name}"; ${known.length > 0 ? `choose from ${known.join(', ')}` : 'it declares no environments:'}.`);
  }
  const differences: string[] = [];
  const endpoints = manifest.endpoints.map((endpoint) => {
    const override = profile.endpoints[endpoint.id];
    if (!override) return endpoint;
    const scopes = override.scopes ?? endpoint.scopes;
    const isPublic = override.public ?? (override.scopes !== undefined ? override.scopes.length === 0 : endpoint.public);
    const why = manifest.approved.find((a) => a.change === 'environment-difference' && a.endpoint === endpoint.id)?.reason;
    differences.push(`environment ${name}: ${endpoint.method} ${endpoint.path} is ${isPublic ? 'public' : `granted by [${scopes.join(', ')}]`} here (approved: ${why ?? 'see approved:'})`);
    return { ...endpoint, scopes: isPublic ? [] : scopes, public: isPublic };
  });
  if (profile.exposure !== undefined && profile.exposure !== manifest.exposure) {
    differences.push(`environment ${name}: expected exposure is ${profile.exposure} here (the manifest says ${manifest.exposure})`);
  }
  return {
    ...manifest,
    baseUrl: profile.baseUrl ?? manifest.baseUrl,
    exposure: profile.exposure ?? manifest.exposure,
    auth: { ...manifest.auth, tokens: profile.tokens ?? manifest.auth.tokens },
    endpoints,
    environment: name,
    warnings: [...manifest.warnings, ...differences],
  };
}
