/**
 * Headers that name the software behind an API. In the product-token headers (RFC 9110 §10.2.4
 * `Server`, and the `X-Powered-By` family that copies its `product/version` form) a version is a
 * `/` followed by a digit (`PHP/8.1.2`, `nginx/1.25.3`) or a dotted number after a space or `(`
 * (`Express 4.18.2`, `Jetty(9.4.44.v20210927)`); a product name alone (`nginx`, `Express`) is not one.
 */
const PRODUCT_HEADERS = ['server', 'x-powered-by', 'x-runtime', 'x-generator'] as const;

/** Headers whose name is the product and whose value is its version (`X-AspNet-Version: 4.0.30319`). */
const VERSION_HEADERS = ['x-aspnet-version', 'x-aspnetmvc-version'] as const;

/** Every header the disclosure rule reads, lower-case (RFC 9110 §5.1: names are case-insensitive). */
export const DISCLOSURE_HEADERS: readonly string[] = [...PRODUCT_HEADERS, ...VERSION_HEADERS];

const PRODUCT_VERSION = /(?:\/v?\d|(?:^|[\s(])v?\d+\.\d+)/;
const BARE_VERSION = /^\s*v?\d+(?:\.\d+)*\s*$/;

/**
 * The headers of one answer that disclose a software version, by lower-case name. Rails' `X-Runtime`
 * is the request's duration in seconds (`0.012345`): a bare number there is a time, not a version.
 */
export function versionHeaders(headers: Readonly<Record<string, string>>, allowed: readonly string[]): string[] {
  const allow = new Set(allowed.map((h) => h.toLowerCase()));
  const found: string[] = [];
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    if (allow.has(name)) continue;
    const isProduct = (PRODUCT_HEADERS as readonly string[]).includes(name);
    if (isProduct && PRODUCT_VERSION.test(value) && !(name === 'x-runtime' && BARE_VERSION.test(value))) found.push(name);
    if ((VERSION_HEADERS as readonly string[]).includes(name) && /\d/.test(value)) found.push(name);
  }
  return found;
}
