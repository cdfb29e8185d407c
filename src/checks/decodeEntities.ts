/** The named character references error pages actually use; anything else is left as written. */
const NAMED: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", tab: '\t', newline: '\n' };

/** Tags that end a line when a page is rendered, so a frame after them starts a line of its own. */
const LINE_BREAKING_TAG = /<\/?(?:br|p|div|pre|li|ul|ol|tr|td|th|table|tbody|h[1-6]|body|html|head|title|blockquote|hr)\b[^<>]*>/gi;

/**
 * Text as a browser would show it: character references decoded in one pass (HTML §13.5, so
 * `&amp;lt;` stays `&lt;`), line-breaking tags turned into newlines. A stack trace in an HTML
 * error page (Express's default: `<pre>Error: x<br> &nbsp; &nbsp;at fn (/app/x.js:1:2)</pre>`) then
 * has its frames on lines of their own. Other tags stay, because `<anonymous>`, `<init>` and `<main>`
 * are parts of frames, not markup.
 */
export function decodeEntities(text: string): string {
  return text
    .replace(LINE_BREAKING_TAG, '\n')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);?/gi, (whole, ref: string) => {
      if (ref.startsWith('#')) {
        const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
        if (code === 0xa0) return ' ';
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return NAMED[ref.toLowerCase()] ?? whole;
    });
}

/**
 * JSON string escapes undone (RFC 8259 §7) in text that is not itself a JSON document: a trace
 * quoted inside a truncated or double-encoded JSON string, or in a header, has `\n` for its line breaks.
 */
export function unescapeJsonText(text: string): string {
  return text.replace(/\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g, (_whole, hex: string | undefined, ch: string | undefined) => {
    if (hex !== undefined) return String.fromCharCode(Number.parseInt(hex, 16));
    return { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }[ch as '"'];
  });
}
