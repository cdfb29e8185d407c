import { EQUIVALENT } from './equivalentMutants.ts';

/** The parts of Stryker's JSON report (mutation-testing-report-schema) the table reads. */
export interface MutationReport {
  files: Record<string, { source: string; mutants: { mutatorName: string; replacement?: string; status: string; location: { start: { line: number; column: number }; end: { line: number; column: number } } }[] }>;
}

type Mutant = MutationReport['files'][string]['mutants'][number];

/** The text a mutant replaced, on one line: with the file and mutator, the key of an equivalent-mutant reason. */
export function originalText(source: string, { location: { start, end } }: Mutant): string {
  const lines = source.split('\n').slice(start.line - 1, end.line);
  if (lines.length === 1) return lines[0]!.slice(start.column - 1, end.column - 1);
  lines[lines.length - 1] = lines.at(-1)!.slice(0, end.column - 1);
  lines[0] = lines[0]!.slice(start.column - 1);
  return lines.join('\n').replace(/\s+/g, ' ');
}

/** The key under which `equivalentMutants.ts` gives a surviving mutant's reason. */
export function mutantKey(file: string, source: string, mutant: Mutant): string {
  return `${file} | ${mutant.mutatorName} | ${originalText(source, mutant)} → ${mutant.replacement ?? ''}`;
}

const percent = (detected: number, valid: number) => (valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)} %`);
const cell = (text: string) => `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|').slice(0, 90)}\``;

/**
 * The Markdown written into docs/mutation.md: per file killed, survived, no coverage, timeout and
 * Stryker's score ((killed + timeout) / (all but compile and runtime errors)), then every mutant
 * left alive, with its reason when it is equivalent.
 */
export function mutationTable(report: MutationReport): string {
  const rows: string[] = [];
  const alive: string[] = [];
  const total = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, equivalent: 0 };
  for (const [file, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const count = (status: string) => mutants.filter((m) => m.status === status).length;
    const c = { killed: count('Killed'), survived: count('Survived'), noCoverage: count('NoCoverage'), timeout: count('Timeout'), equivalent: 0 };
    for (const m of mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')) {
      const key = mutantKey(file, source, m);
      const reason = EQUIVALENT[key];
      if (reason) c.equivalent++;
      alive.push(`| ${file}:${m.location.start.line} | ${m.status} | ${m.mutatorName} | ${cell(originalText(source, m))} → ${cell(m.replacement ?? '')} | ${reason ?? '**needs a test**'} |`);
    }
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += c[k];
    rows.push(row(file, c));
  }
  return [
    '| file | killed | survived | no coverage | timeout | score | score, equivalent mutants aside |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    row('**all**', total),
    '',
    alive.length === 0 ? 'No mutant survived.' : ['| where | status | mutator | original → mutant | why it lives |', '|---|---|---|---|---|', ...alive].join('\n'),
  ].join('\n');
}

function row(file: string, c: { killed: number; survived: number; noCoverage: number; timeout: number; equivalent: number }): string {
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage;
  return `| ${file} | ${c.killed} | ${c.survived} | ${c.noCoverage} | ${c.timeout} | ${percent(detected, valid)} | ${percent(detected, valid - c.equivalent)} |`;
}
