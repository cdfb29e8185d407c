import { caseHeadline } from './caseDetails.ts';
import { NOT_HELD } from './caseSource.ts';
import type { Evidence } from './evidence.ts';
import { plural } from './plural.ts';

/** Message text of a workflow command (actions/toolkit escapeData). */
export const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A workflow command property such as title (actions/toolkit escapeProperty). */
export const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** GitHub shows at most 50 annotations of a job; more would only be dropped (after costing memory). */
export const ANNOTATIONS_SHOWN = 50;

/**
 * `::error` workflow commands for GitHub Actions: one per case that did not hold (titled by the
 * case, its headline as message), up to ANNOTATIONS_SHOWN and then one that counts the rest, and
 * one per baseline change.
 */
export function githubAnnotations(evidence: Evidence): string[] {
  const lines: string[] = [];
  let notHeld = 0;
  for (const c of evidence.cases.read({ verdicts: NOT_HELD })) {
    if (++notHeld > ANNOTATIONS_SHOWN) continue;
    const title = `${evidence.run.service}: ${c.title}`;
    lines.push(`::error title=${escapeProperty(oneLine(title))}::${escapeData(oneLine(`${caseHeadline(c)} — replay: ${c.replay}`))}`);
  }
  if (notHeld > ANNOTATIONS_SHOWN) {
    lines.push(`::error title=${escapeProperty(`${evidence.run.service}: ${plural(notHeld - ANNOTATIONS_SHOWN, 'more case', 'more cases')} did not hold`)}::${escapeData('see the JUnit report or summary.md for every case')}`);
  }
  for (const d of evidence.baseline?.drift ?? []) {
    lines.push(`::error title=${escapeProperty(oneLine(`${evidence.run.service}: baseline ${d.kind}: ${d.title}`))}::${escapeData(oneLine(d.message))}`);
  }
  return lines;
}
