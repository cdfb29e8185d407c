import { describe, expect, it } from 'vitest';
import { writeHtmlReport } from '../htmlReport.ts';
import { sampleEvidence } from '../test-support.ts';
import { dataAttributes, html, raw } from './escape.ts';

const HOSTILE = `<script>alert("x")</script> & 'q'`;
const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;';

const report = (custom: Parameters<typeof sampleEvidence>[0]) => {
  const chunks: string[] = [];
  writeHtmlReport(sampleEvidence(custom), (chunk) => chunks.push(chunk));
  return chunks.join('');
};

const count = (text: string, part: string) => text.split(part).length - 1;

describe('the html template', () => {
  it('escapes every interpolated value, keeps fragments and raw() as they are, joins lists, drops nothing-values', () => {
    expect(html`<p title="${HOSTILE}">${HOSTILE}</p>`.toString()).toBe(`<p title="${ESCAPED}">${ESCAPED}</p>`);
    expect(html`<ul>${['a<', 'b&'].map((x) => html`<li>${x}</li>`)}</ul>`.toString()).toBe('<ul><li>a&lt;</li><li>b&amp;</li></ul>');
    expect(html`${raw('<b>constant</b>')}${null}${undefined}${false}${0}`.toString()).toBe('<b>constant</b>0');
    expect(dataAttributes({ case: HOSTILE, none: undefined }).toString()).toBe(` data-case="${ESCAPED}"`);
  });

  it('report.html escapes a hostile case title, finding message, response body and header everywhere they appear', () => {
    const fields = { title: HOSTILE, message: HOSTILE, body: HOSTILE, header: HOSTILE };
    for (const [field, value] of Object.entries(fields)) {
      const page = report({ [field]: value });
      expect(page, field).not.toContain(HOSTILE);
      expect(page, field).not.toContain('alert("x")');
      // The report's own script is the only one.
      expect(count(page, '<script>'), field).toBe(1);
      expect(count(page, ESCAPED), field).toBeGreaterThan(0);
    }
    // Where each shows: a title in the findings and the case table; a message in the finding, the
    // headline and the counterexample; a body and a header in the exchange.
    expect(count(report({ title: HOSTILE }), ESCAPED)).toBe(2);
    expect(count(report({ message: HOSTILE }), ESCAPED)).toBe(3);
    expect(count(report({ body: HOSTILE }), ESCAPED)).toBeGreaterThanOrEqual(1);
    expect(count(report({ header: HOSTILE }), ESCAPED)).toBeGreaterThanOrEqual(1);
  });
});
