import { caseHeadline } from './caseDetails.ts';
import type { EvidenceDocument } from './evidence.ts';

/** Message text of a workflow command (actions/toolkit escapeData). */
export const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A workflow command property such as title (actions/toolkit escapeProperty). */
export const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * `::error` workflow commands for GitHub Actions: one per case that did not hold (titled by the
 * case, its headline as message) and one per baseline change.
 */
export function githubAnnotations(evidence: EvidenceDocument): string[] {
  const lines: string[] = [];
  for (const c of evidence.cases) {
    if (c.verdict !== 'failed' && c.verdict !== 'error') continue;
    const title = `${evidence.run.service}: ${c.title}`;
    lines.push(`::error title=${escapeProperty(oneLine(title))}::${escapeData(oneLine(`${caseHeadline(c)} — replay: ${c.replay}`))}`);
  }
  for (const d of evidence.baseline?.drift ?? []) {
    lines.push(`::error title=${escapeProperty(oneLine(`${evidence.run.service}: baseline ${d.kind}: ${d.title}`))}::${escapeData(oneLine(d.message))}`);
  }
  return lines;
}
