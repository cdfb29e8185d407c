/** The media type of a Content-Type value, lower-case, parameters dropped (RFC 9110 §8.3.1). */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export type Parsed = { ok: true; value: unknown } | { ok: false };

/** Parses JSON without throwing. */
export function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

// Several checks read the same body: parse each response once. Callers must not mutate the value.
const parsedBodies = new WeakMap<object, Parsed>();

/** A response body parsed as JSON, once per response however many checks ask. */
export function parsedBody(response: { body: string }): Parsed {
  let parsed = parsedBodies.get(response);
  if (!parsed) parsedBodies.set(response, (parsed = parseJson(response.body)));
  return parsed;
}
