/**
 * The origin and the path with its query. Requests arrive as `URL.href` (materialise builds them
 * with URL), so the path starts at the first `/` after the authority; a URL with credentials or a
 * fragment, which that split would get wrong, goes through the URL parser.
 */
export function originAndPath(href: string): { origin: string; path: string } {
  const start = href.indexOf('/', href.indexOf('//') + 2);
  if (start === -1 || href.includes('#') || href.lastIndexOf('@', start) !== -1) {
    const url = new URL(href);
    return { origin: url.origin, path: url.pathname + url.search };
  }
  // An empty query (`/x?`) is no query to the parser, and so to the request; `/x??` is the query `?`.
  const end = href.indexOf('?', start) === href.length - 1 ? href.length - 1 : href.length;
  return { origin: href.slice(0, start), path: href.slice(start, end) };
}
