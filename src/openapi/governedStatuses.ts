/**
 * The statuses the error contract assigns to refusals, with the manifest's defaults (mirrors
 * src/manifest/normalise.ts): unauthenticated 401, forbidden 403, invalid 400, unsupported media
 * type 415, too large 413. Endpoints' documented responses leave these out.
 */
export function governedStatuses(statuses: Record<string, number | number[]> | undefined): Set<number> {
  const read = (key: string, fallback: number[]) => {
    const value = statuses?.[key];
    return value === undefined ? fallback : Array.isArray(value) ? value : [value];
  };
  const unauthenticated = read('unauthenticated', [401]);
  const invalid = read('invalid', [400]);
  return new Set([
    ...unauthenticated,
    ...read('malformedCredentials', [400, ...unauthenticated]),
    ...read('forbidden', [403]),
    ...invalid,
    ...read('malformedJson', invalid),
    ...read('unsupportedMediaType', [415]),
    ...read('tooLarge', [413]),
  ]);
}
