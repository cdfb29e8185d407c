import type { Document, LineCounter } from 'yaml';
import type { Problem } from '../errors.ts';
import { problemReporter } from './locate.ts';

interface RawManifest {
  exposure?: string;
  auth: { scopes: Record<string, unknown> };
  endpoints: { id: string; scopes?: string[]; public?: boolean }[];
  environments?: Record<string, { exposure?: string; endpoints?: Record<string, { scopes?: string[]; public?: boolean }> }>;
  approved?: { endpoint: string; change: string; environment?: string }[];
}

const sameSet = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Environment profiles may change where the API is and how tokens are obtained freely, but a
 * different *control* — an endpoint's scopes or public flag, the expected exposure — must be
 * approved on purpose (`approved: [{ endpoint, change: environment-difference, environment, reason }]`),
 * or a staging shortcut silently becomes the tested contract.
 */
export function environmentProblems(value: unknown, doc: Document, lineCounter: LineCounter, file: string): Problem[] {
  const manifest = value as RawManifest;
  const problems: Problem[] = [];
  const report = problemReporter(doc, lineCounter, file, problems);
  const approved = (endpoint: string, environment: string) =>
    (manifest.approved ?? []).some((a) => a.change === 'environment-difference' && a.endpoint === endpoint && (a.environment === undefined || a.environment === environment));
  const catalogue = Object.keys(manifest.auth.scopes);

  for (const [name, profile] of Object.entries(manifest.environments ?? {})) {
    const base = ['environments', name];
    if (profile.exposure !== undefined && profile.exposure !== (manifest.exposure ?? 'loopback') && !approved('*', name)) {
      report([...base, 'exposure'], `environment "${name}" expects exposure ${profile.exposure}, the manifest ${manifest.exposure ?? 'loopback'}, without approval`, `add approved: [{ endpoint: "*", change: environment-difference, environment: ${name}, reason: … }]`);
    }
    for (const [id, override] of Object.entries(profile.endpoints ?? {})) {
      const endpoint = manifest.endpoints.find((e) => e.id === id);
      if (!endpoint) {
        report([...base, 'endpoints', id], `environment "${name}" overrides endpoint "${id}", which the manifest does not declare`);
        continue;
      }
      for (const [j, scope] of (override.scopes ?? []).entries()) {
        if (!catalogue.includes(scope)) report([...base, 'endpoints', id, 'scopes', j], `scope "${scope}" is not in the catalogue (auth.scopes)`);
      }
      const changesPublic = override.public !== undefined && override.public !== (endpoint.public ?? false);
      const changesScopes = override.scopes !== undefined && !sameSet(override.scopes, endpoint.scopes);
      if ((changesPublic || changesScopes) && !approved(id, name)) {
        report(
          [...base, 'endpoints', id],
          `environment "${name}" changes a control of "${id}" (${changesPublic ? `public: ${override.public}` : `scopes: [${override.scopes!.join(', ')}]`}) without approval`,
          `approve it on purpose: approved: [{ endpoint: ${id}, change: environment-difference, environment: ${name}, reason: … }]`,
        );
      }
    }
  }
  return problems;
}
