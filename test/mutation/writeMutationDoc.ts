/** `npm run mutate`, after its two Stryker runs: reads their JSON reports and writes the score table into docs/mutation.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import { mutationTable, type MutationReport } from './mutationTable.ts';

/** The checks and exit code (stryker.config.json), and the vitest front (stryker.front.config.json). */
const REPORTS = ['reports/mutation/checks.json', 'reports/mutation/front.json'];
const DOC = 'docs/mutation.md';
const START = '<!-- mutation-table:start (written by npm run mutate) -->';
const END = '<!-- mutation-table:end -->';

const report: MutationReport = { files: {} };
for (const file of REPORTS) Object.assign(report.files, (JSON.parse(readFileSync(file, 'utf8')) as MutationReport).files);
const doc = readFileSync(DOC, 'utf8');
const [before, rest] = doc.split(START);
const after = rest?.split(END)[1];
if (before === undefined || after === undefined) throw new Error(`${DOC} has no ${START} … ${END} markers; put them back where the table goes.`);
const stamp = `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run mutate\`.`;
writeFileSync(DOC, `${before}${START}\n${stamp}\n\n${mutationTable(report)}\n${END}${after}`);
console.log(`mutation: wrote the table into ${DOC}`);
