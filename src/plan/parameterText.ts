/**
 * How a generated value travels in a query string or a header: OpenAPI's defaults (`form` with
 * `explode` for the query: a list is the key repeated; `simple` for headers: a list is
 * comma-separated). Objects, which those styles spread over several keys, are sent as JSON text.
 */
export function queryText(value: unknown): string | string[] {
  return Array.isArray(value) ? value.map(scalarText) : scalarText(value);
}

export function headerText(value: unknown): string {
  return Array.isArray(value) ? value.map(scalarText).join(',') : scalarText(value);
}

function scalarText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** RFC 6265 §4.1.1's cookie-octet: no whitespace, double quote, comma, semicolon or backslash. */
export function cookieSafe(text: string): boolean {
  return /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*$/.test(text);
}

/** The Cookie header carrying these cookies (RFC 6265 §4.2.1). */
export function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies).map(([name, value]) => `${name}=${value}`).join('; ');
}

/**
 * RFC 9110 §5.5: a field value of visible ASCII and inner spaces (obs-text is obsolete, and
 * surrounding whitespace is not part of the value). Anything else would be refused by the HTTP
 * client before it is sent, or changed on the way.
 */
export function headerSafe(text: string): boolean {
  return /^(?:[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?)?$/.test(text);
}
