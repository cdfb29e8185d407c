import { describe, expect, it } from 'vitest';
import type { ReceivedResponse } from '../model/exchange.ts';
import { noLeakCheck } from './no-leak.ts';
import { problem401, testContext } from './testContext.ts';
import { DISCLOSURE_HEADERS, versionHeaders } from './versionHeaders.ts';

const withHeaders = (headers: Record<string, string>): Partial<ReceivedResponse> => ({ ...problem401(), headers: { ...problem401().headers, ...headers } });
const scan = (responses: Partial<ReceivedResponse>[], allowHeaders?: string[]) =>
  noLeakCheck.run({ ...testContext({ responses }), ...(allowHeaders ? { disclosure: { allowHeaders } } : {}) });

/** Values real servers send: with a version (a finding) and the product alone or a timing (none). */
const HITS: [string, string][] = [
  ['server', 'nginx/1.25.3'],
  ['server', 'Apache/2.4.57 (Ubuntu) OpenSSL/3.0.2'],
  ['server', 'Microsoft-IIS/10.0'],
  ['server', 'Werkzeug/3.0.1 Python/3.12.1'],
  ['server', 'Jetty(9.4.44.v20210927)'],
  ['x-powered-by', 'PHP/8.1.2'],
  ['x-powered-by', 'Express 4.18.2'],
  ['x-powered-by', 'Phusion Passenger 6.0.18'],
  ['x-runtime', 'Ruby/3.2.2'],
  ['x-generator', 'WordPress 6.4.2'],
  ['x-aspnet-version', '4.0.30319'],
  ['x-aspnetmvc-version', '5.2'],
];
const MISSES: [string, string][] = [
  ['server', 'nginx'],
  ['server', 'Microsoft-IIS'],
  ['server', 'AmazonS3'],
  ['server', 'hypercorn-h11'],
  ['x-powered-by', 'Express'],
  ['x-powered-by', 'ASP.NET'],
  ['x-powered-by', 'Next.js'],
  ['x-runtime', '0.012345'],
  ['x-api-version', '2.1.0'],
  ['via', '1.1 varnish'],
];

describe('no-leak: server software versions in headers', () => {
  it.each(HITS)('%s: %s is a finding', (name, value) => {
    const findings = scan([withHeaders({ [name]: value })]);
    expect(findings).toEqual([{ code: 'LEAK_SERVER_VERSION', message: `the first answer (401) names server software with its version in its header ${name}` }]);
  });
  it.each(MISSES)('%s: %s is not', (name, value) => {
    expect(scan([withHeaders({ [name]: value })])).toEqual([]);
  });
  it('names every disclosing header once, reads the repeat, and reads each header the rule names', () => {
    const findings = scan([problem401(), withHeaders({ server: 'nginx/1.25.3', 'x-powered-by': 'Express 4.18.2' })]);
    expect(findings.map((f) => f.message)).toEqual(['the repeat answer (401) names server software with its version in its headers server, x-powered-by']);
    for (const header of DISCLOSURE_HEADERS) expect(HITS.map(([name]) => name)).toContain(header);
  });
  it('leaves out the headers the manifest allows, whatever their case', () => {
    const both = withHeaders({ server: 'nginx/1.25.3', 'x-powered-by': 'PHP/8.1.2' });
    expect(scan([both], ['server', 'x-powered-by'])).toEqual([]);
    expect(scan([both], ['Server']).map((f) => f.message)).toEqual(['the first answer (401) names server software with its version in its header x-powered-by']);
    expect(versionHeaders({ Server: 'nginx/1.25.3' }, ['SERVER'])).toEqual([]);
    expect(versionHeaders({ Server: 'nginx/1.25.3' }, [])).toEqual(['server']);
  });
});
