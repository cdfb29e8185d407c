import { HardenError } from '../errors.ts';
import { toPointer } from '../manifest/locate.ts';
import type { ImportWarning } from './importOpenApi.ts';
import { asObject, type JsonObject } from './json.ts';
import type { ManifestOrigin } from './relocateProblems.ts';

/** Warnings shown with a refusal, at most: past this, a count says how many more `harden import` prints. */
const SHOWN = 20;

/**
 * A refused import carries the warnings collected before it: they usually say why (every operation
 * skipped, say), and a refusal that stops the command would otherwise never print them.
 */
export function withWarnings(error: unknown, warnings: readonly ImportWarning[]): unknown {
  if (!(error instanceof HardenError) || error.code !== 'MANIFEST_INVALID' || warnings.length === 0) return error;
  const lines = warnings.slice(0, SHOWN).map((w) => ({ message: `warning: ${w.operation ? `${w.operation} ` : ''}[${w.construct}] ${w.message}`, location: {} }));
  if (warnings.length > SHOWN) lines.push({ message: `and ${warnings.length - SHOWN} more warnings (\`harden import\` prints them all)`, location: {} });
  return new HardenError('MANIFEST_INVALID', error.message, { problems: [...error.problems, ...lines], cause: error });
}

/**
 * Reads a pointer into the imported manifest back to the document: `/endpoints/3/…` is the
 * operation it was imported from, `/schemas/Name/…` the component schema of that name. Takes what
 * it needs at once (each endpoint's method and path, the component names) and holds neither the
 * manifest nor the document: the document's tree is let go before the manifest is checked.
 */
export function manifestOrigin(raw: JsonObject, root: JsonObject, schemaPrefix: string): ManifestOrigin {
  const endpoints = ((raw.endpoints as unknown[] | undefined) ?? []).map((e) => {
    const { method, path } = asObject(e);
    return typeof method === 'string' && typeof path === 'string' ? { method, path } : undefined;
  });
  const components = new Set(Object.keys(asObject(schemaPrefix.slice(2, -1).split('/').reduce<unknown>((node, segment) => asObject(node)[segment], root))));
  return (pointer) => {
    const [, top, key, ...rest] = pointer.split('/');
    if (top === 'endpoints' && key !== undefined) {
      const endpoint = endpoints[Number(key)];
      if (endpoint === undefined) return undefined;
      return `${toPointer(['paths', endpoint.path, endpoint.method.toLowerCase()])} (the operation ${endpoint.method} ${endpoint.path}; manifest ${pointer})`;
    }
    if (top === 'schemas' && key !== undefined) {
      const name = key.replace(/~1/g, '/').replace(/~0/g, '~');
      if (!components.has(name)) return undefined;
      return `${schemaPrefix.slice(1)}${toPointer([name]).slice(1)}${rest.length > 0 ? `/${rest.join('/')}` : ''}`;
    }
    return undefined;
  };
}
