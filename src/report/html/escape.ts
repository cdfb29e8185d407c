/**
 * HTML built only through the `html` tagged template: every interpolated value is escaped unless it
 * is already Html (another `html` fragment, or `raw()` for a constant known to be safe), so a
 * renderer cannot forget to escape. Nothing else in the report writes markup from strings.
 */

/** A fragment of markup that is safe as it is. */
export class Html {
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }
  toString(): string {
    return this.#text;
  }
}

/** What a template takes: text and numbers (escaped), fragments (kept), lists of either (joined), nothing (''). */
export type HtmlValue = string | number | Html | null | undefined | false | readonly HtmlValue[];

/** Text for HTML content or a double- or single-quoted attribute: the five significant characters escaped. */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  return escape(String(value));
}

/** html`<td>${text}</td>`: the literal parts as written, every value escaped (see HtmlValue). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let text = strings[0]!;
  for (let i = 0; i < values.length; i++) text += render(values[i]!) + strings[i + 1]!;
  return new Html(text);
}

/** Markup that is safe by construction — the report's own constant style, script and policy — never data. */
export function raw(text: string): Html {
  return new Html(text);
}

/** ` data-x="…"` attributes from a record; undefined values are left out. */
export function dataAttributes(data: Record<string, string | number | undefined | null>): Html {
  return html`${Object.entries(data)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => html` data-${k}="${v!}"`)}`;
}
