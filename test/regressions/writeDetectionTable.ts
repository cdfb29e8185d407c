/** `npm run detection`: runs every regression and writes docs/detection.md. */
import { writeFileSync } from 'node:fs';
import { REGRESSIONS } from '../../fixtures/reference-api/index.ts';
import { EXPECTED } from './catalogue.ts';
import { detect, type Detection } from './detect.ts';
import { detectionTable } from './detectionTable.ts';

const SEED = 20261123;
const detections: Detection[] = [];
for (const r of REGRESSIONS) {
  const detection = await detect(r.id, EXPECTED[r.id]!.manifest, SEED);
  // For regressions that only generated inputs reach, one seed's count is luck: measure over ten more.
  if (detection.runsNeeded !== undefined) {
    const needed = [detection.runsNeeded];
    for (let seed = 1; seed <= 10; seed++) needed.push((await detect(r.id, EXPECTED[r.id]!.manifest, seed)).runsNeeded ?? Infinity);
    needed.sort((a, b) => a - b);
    detection.runsSummary = `median ${needed[Math.floor(needed.length / 2)]}, max ${needed.at(-1)} over 11 seeds`;
  }
  detections.push(detection);
  process.stdout.write('.');
}
writeFileSync('docs/detection.md', detectionTable(detections, SEED));
const caught = detections.filter((d) => d.exitCode === 1).length;
console.log(`\ndetection: ${caught}/${REGRESSIONS.length}; wrote docs/detection.md`);
