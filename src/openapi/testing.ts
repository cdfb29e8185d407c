import type { Endpoint } from '../manifest/types.ts';
import { importOpenApi, type ImportWarning } from './importOpenApi.ts';

/** Test support: fixtures live in fixtures/openapi. */
export const FIXTURES = 'fixtures/openapi';

/** Imports a fixture and gives endpoints by id, for short assertions. */
export async function importFixture(name: string, overlay?: string) {
  const result = await importOpenApi(`${FIXTURES}/${name}`, overlay && `${FIXTURES}/${overlay}`);
  const byId = new Map(result.manifest.endpoints.map((e) => [e.id, e]));
  const endpoint = (id: string): Endpoint => {
    const found = byId.get(id);
    if (!found) throw new Error(`no endpoint ${id}; have ${[...byId.keys()].join(', ')}`);
    return found;
  };
  const warningsFor = (operation: string): ImportWarning[] => result.warnings.filter((w) => w.operation === operation);
  return { ...result, endpoint, warningsFor };
}
