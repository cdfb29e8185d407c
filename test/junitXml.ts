import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

export interface JUnitCase {
  name: string;
  classname: string;
  failure?: string;
  error?: string;
  /** The <skipped> element's message ('' when it has none); undefined when the case was not skipped. */
  skipped?: string;
  body: string;
}

/** The testcases of a JUnit file, enough to assert on (the XSD check proves the shape). */
export function readJUnitCases(xml: string): JUnitCase[] {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  // Attribute values may hold '>' (XML does not require escaping it there): match quoted strings whole.
  const ATTRS = '((?:[^>"]|"[^"]*")*?)';
  return [...xml.matchAll(new RegExp(`<testcase\\b${ATTRS}(?:\\/>|>([\\s\\S]*?)<\\/testcase>)`, 'g'))].map((m) => {
    const attrs = m[1]!;
    const body = m[2] ?? '';
    const element = (text: string, name: string) => {
      const found = new RegExp(`<${name}\\b${ATTRS}\\/?>`).exec(text);
      return found ? (attr(found[1]!, 'message') ?? '') : undefined;
    };
    const attr = (s: string, name: string) => {
      const found = new RegExp(`\\b${name}="([^"]*)"`).exec(s)?.[1];
      return found === undefined ? undefined : unescape(found);
    };
    return {
      name: attr(attrs, 'name')!,
      classname: attr(attrs, 'classname')!,
      failure: element(body, 'failure'),
      error: element(body, 'error'),
      skipped: element(body, 'skipped'),
      // CDATA sections (junit-report-builder writes bodies as CDATA) hold raw text: escape it, then unescape all.
      body: unescape(body.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, raw: string) => raw.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))),
    };
  });
}

/** Validates JUnit XML against the Jenkins/Ant schema kept in fixtures/junit. */
export async function validateJUnit(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'junit.xml', contents: xml }],
    schema: [{ fileName: 'junit-10.xsd', contents: readFileSync('fixtures/junit/junit-10.xsd', 'utf8') }],
  });
  return result.valid ? [] : result.errors.map((e) => e.message);
}
