import { asObject, type JsonObject } from './json.ts';

/** `application/json; charset=utf-8` → `application/json`. */
export const baseType = (mediaType: string) => mediaType.split(';')[0]!.trim().toLowerCase();

export const isJson = (mediaType: string) => {
  const base = baseType(mediaType);
  return base === 'application/json' || /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+\+json$/.test(base);
};

/** The JSON media type of a `content` map the harness should use: application/json first, then the first `+json`. */
export function pickJson(content: unknown): { mediaType: string; media: JsonObject } | undefined {
  const entries = Object.entries(asObject(content));
  const chosen = entries.find(([t]) => baseType(t) === 'application/json') ?? entries.find(([t]) => isJson(t));
  return chosen && { mediaType: chosen[0], media: asObject(chosen[1]) };
}
