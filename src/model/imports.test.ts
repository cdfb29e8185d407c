import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The module graph by folder, from the import specifiers of every src/**\/*.ts that is not a test:
 * static imports, `import type`, `export … from` and `import('…')` all count as arrows. A file at
 * the top of src (errors.ts, index.ts…) is a node of its own, named without .ts.
 */
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const folderOf = (file: string): string => {
  const parts = relative(SRC, file).split(sep);
  return parts.length === 1 ? parts[0]!.replace(/\.ts$/, '') : parts[0]!;
};

const SPECIFIER = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** folder → folder → the files and specifiers that make the arrow. */
function folderGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sources(SRC)) {
    const from = folderOf(file);
    if (!graph.has(from)) graph.set(from, new Map());
    for (const m of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const specifier = (m[1] ?? m[2])!;
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier);
      if (relative(SRC, target).startsWith('..')) continue;
      const to = folderOf(target);
      if (to === from) continue;
      const arrows = graph.get(from)!;
      arrows.set(to, [...(arrows.get(to) ?? []), `${relative(SRC, file)} → ${specifier}`]);
    }
  }
  return graph;
}

/** Strongly connected groups of more than one folder (Tarjan), each with one cycle through it. */
function cycles(graph: Map<string, Map<string, string[]>>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      group.push(w);
    } while (w !== v);
    if (group.length > 1) found.push(cycleThrough(graph, new Set(group), v).join(' → '));
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** A shortest path from start back to start inside one strongly connected group, for the message. */
function cycleThrough(graph: Map<string, Map<string, string[]>>, group: Set<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!group.has(w)) continue;
      if (w === start) {
        const path: string[] = [];
        for (let at = v; at !== start; at = previous.get(at)!) path.unshift(at);
        return [start, ...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [...group];
}

const arrowsFrom = (graph: Map<string, Map<string, string[]>>, from: string, to: readonly string[]) =>
  to.flatMap((t) => (graph.get(from)?.get(t) ?? []).map((why) => `${from} → ${t}: ${why}`));

describe('the module graph (data flows manifest → plan → tokens → transport → checks → run → report, cli on top)', () => {
  const graph = folderGraph();

  it('reads the folders it should', () => {
    for (const folder of ['manifest', 'openapi', 'plan', 'tokens', 'transport', 'checks', 'run', 'report', 'cli', 'diff', 'baseline', 'governance', 'model']) {
      expect(graph.has(folder), folder).toBe(true);
    }
    expect(graph.get('report')?.has('run')).toBe(true); // the parser sees arrows at all
  });

  it('has no cycle between folders', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle and names it', () => {
    const fake = new Map([
      ['a', new Map([['b', ['x']]])],
      ['b', new Map([['c', ['x']]])],
      ['c', new Map([['a', ['x']]])],
      ['d', new Map([['a', ['x']]])],
    ]);
    expect(cycles(fake)).toEqual(['a → b → c → a']);
  });

  it('keeps src/model neutral: it imports no other folder', () => {
    expect([...(graph.get('model')?.entries() ?? [])].flatMap(([to, why]) => why.map((w) => `model → ${to}: ${w}`))).toEqual([]);
  });

  it('keeps the arrows the design states', () => {
    expect(arrowsFrom(graph, 'plan', ['tokens', 'transport', 'checks', 'run', 'report', 'cli', 'diff', 'baseline', 'governance'])).toEqual([]);
    expect(arrowsFrom(graph, 'checks', ['tokens', 'transport', 'run', 'report', 'cli', 'diff', 'baseline', 'governance'])).toEqual([]);
    expect(arrowsFrom(graph, 'transport', ['plan', 'tokens', 'checks', 'run', 'report', 'cli'])).toEqual([]);
    expect(arrowsFrom(graph, 'manifest', ['openapi', 'plan', 'tokens', 'transport', 'checks', 'run', 'report', 'cli', 'diff', 'baseline', 'governance'])).toEqual([]);
    expect(arrowsFrom(graph, 'run', ['report', 'cli', 'governance', 'baseline'])).toEqual([]);
    expect(arrowsFrom(graph, 'report', ['cli', 'governance', 'baseline'])).toEqual([]);
  });
});
