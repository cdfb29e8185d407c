import type { Headline } from '../run/gate.ts';
import type { Counts } from './evidence.ts';
import { plural } from './plural.ts';

/**
 * The line every output leads or ends with, worded from the gate's verdict (src/run/gate.ts):
 * "PASS: 83/83 held …", "FAIL: 3 of 83 cases did not hold …", "INCOMPLETE: … reports are partial".
 */
export function headlineText(headline: Headline, t: Counts, facts: { incomplete?: string; drift?: number; unprovenRequired?: number }): string {
  const sent = t.tests - t.skipped - t.notProven;
  const extras = [t.skipped > 0 && `${t.skipped} skipped`, t.notProven > 0 && `${t.notProven} not proven`].filter(Boolean).join(', ');
  const aside = extras ? ` (${extras})` : '';
  if (headline === 'INCOMPLETE') return `INCOMPLETE: ${t.passed}/${sent} held${aside}; ${facts.incomplete ?? 'the target stopped answering'}: these reports are partial`;
  if (headline === 'PASS') return `PASS: ${t.passed}/${sent} held${aside}`;
  const bad = t.failed + t.errors;
  const why = [
    bad > 0 && `${bad} of ${plural(t.tests, 'case')} did not hold`,
    (facts.unprovenRequired ?? 0) > 0 && `${plural(facts.unprovenRequired!, 'required case')} not proven`,
    (facts.drift ?? 0) > 0 && plural(facts.drift!, 'baseline change'),
  ].filter(Boolean);
  return `FAIL: ${t.passed}/${sent} held${aside}; ${why.join(', ')}`;
}
