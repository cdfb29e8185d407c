/** One scale point on demand: `npx tsx bench/scaleOne.ts <endpoints> <runs> <mixed|get>`; prints the child's figures. */
import { measureScale } from './scale.ts';

const [endpoints, runs, kind] = [Number(process.argv[2] ?? 9100), Number(process.argv[3] ?? 1), (process.argv[4] ?? 'get') as 'get' | 'mixed'];
const rows = await measureScale([{ label: `${endpoints}/${runs}/${kind}`, endpoints, runs, kind, reps: 1 }], 600_000, (line) => console.error(line));
console.log(JSON.stringify(rows[0], null, 1));
