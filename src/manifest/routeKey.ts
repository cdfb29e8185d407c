/** A query or header parameter as the manifest holds it, before or after validation. */
type Named = Record<string, { schema?: unknown; required?: boolean }>;

/** A required query or header parameter that takes one value (`const`): part of which operation a request reaches. */
export function fixedValues(query: Named | undefined, headers: Named | undefined): string[] {
  const fixed = (where: string, params: Named | undefined) =>
    Object.entries(params ?? {}).flatMap(([name, p]) => {
      const value = p.required === true && p.schema !== null && typeof p.schema === 'object' ? (p.schema as { const?: unknown }).const : undefined;
      return typeof value === 'string' ? [`${where}${name}=${value}`] : [];
    });
  return [...fixed('?', query), ...fixed('header ', headers)].sort();
}

/**
 * What makes two endpoints the same route: method, path shape (`/a/{x}` is `/a/{y}`), and the
 * values of parameters fixed by `const` — AWS-style APIs serve many operations at `POST /`, told
 * apart by `X-Amz-Target` or `?Action=`.
 */
export function routeKeyOf(method: string, path: string, query?: Named, headers?: Named): string {
  const fixed = fixedValues(query, headers);
  return `${method} ${path.replace(/\{[^}]+\}/g, '{}')}${fixed.length > 0 ? ` [${fixed.join(', ')}]` : ''}`;
}

/** `POST / [header x-amz-target=Svc.Op]`: the route as people read it, fixed values included. */
export function routeLabel(endpoint: { method: string; path: string; query?: Named; headers?: Named }): string {
  const fixed = fixedValues(endpoint.query, endpoint.headers);
  return `${endpoint.method} ${endpoint.path}${fixed.length > 0 ? ` [${fixed.join(', ')}]` : ''}`;
}
