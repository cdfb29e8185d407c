/**
 * Summarises a .cpuprofile: self time per function, and inclusive time of the project's own
 * functions (src/, bench/), so a hot spot can be named. `npx tsx bench/lib/profileTop.ts FILE [filter]`.
 * Files run through tsx report line 1 (the profile holds generated positions): find the line by the function name.
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const profile = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const filter = new RegExp(process.argv[3] ?? ' (src|bench)/');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*?\/(node_modules|src|bench)\//, '$1/').replace(/^node:/, 'node:')}${n.callFrame.lineNumber > 0 ? `:${n.callFrame.lineNumber + 1}` : ''}`;

const selfTime = new Map<number, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  selfTime.set(id, (selfTime.get(id) ?? 0) + dt);
});
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, dt] of selfTime) {
  const own = byId.get(id)!;
  self.set(name(own), (self.get(name(own)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const key = name(byId.get(cur)!);
    if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    seen.add(key);
  }
}
/** Self time grouped by where the code lives: a project folder, a package, Node's internals, GC, idle. */
const group = (key: string) => {
  const where = key.slice(key.indexOf(' ') + 1);
  const m = /^(src\/[^/]+|bench|node_modules\/(?:@[^/]+\/)?[^/]+)/.exec(where);
  if (m) return m[1]!;
  if (where.startsWith('node:')) return 'node: internals';
  return key.startsWith('(') ? key.trim() : `native: ${key.trim()}`;
};
const groups = new Map<string, number>();
for (const [key, dt] of self) groups.set(group(key), (groups.get(group(key)) ?? 0) + dt);
const line = ([key, dt]: [string, number]) => `${(dt / 1000).toFixed(0).padStart(7)} ms ${((100 * dt) / total).toFixed(1).padStart(5)}%  ${key}`;
console.log(`total ${(total / 1000).toFixed(0)} ms`);
console.log('self time by place:');
[...groups].sort((a, b) => b[1] - a[1]).slice(0, 20).forEach((e) => console.log(line(e)));
console.log('self time, top 25:');
[...self].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach((e) => console.log(line(e)));
console.log(`inclusive time matching ${filter}, top 40:`);
[...inclusive].filter(([k]) => filter.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 40).forEach((e) => console.log(line(e)));
