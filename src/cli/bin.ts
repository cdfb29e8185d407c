import { applyHeapPolicy } from './heapPolicy.ts';
import { main } from './main.ts';

applyHeapPolicy();
process.exitCode = await main(process.argv.slice(2));
