/** Text for HTML content or a double-quoted attribute: the five significant characters escaped. */
export function h(text: string | number): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** ` data-x="…"` attributes from a record; undefined values are left out. */
export function dataAttributes(data: Record<string, string | number | undefined | null>): string {
  return Object.entries(data)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` data-${k}="${h(v!)}"`)
    .join('');
}
