/**
 * Rebuilds only the overlay files of a region folder from its townships.topo.json:
 *
 *     npx tsx data/overlays-build.ts [dir]        (default public/data)
 *
 * writes `hazard-zones.geojson`, `hazard-sites.geojson`, `teams.geojson`, `coverage.geojson` and
 * `overlays-config.json` into `dir` (the same bytes `npm run data` writes), then prints the per-class
 * mean area shares and the townships whose team coverage is below the gap threshold. The logic is
 * data/pipeline/overlays.ts; this file is only the command line, and nothing imports it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOverlays, OVERLAYS_CONFIG, overlayShares } from './pipeline/overlays.ts';

const dir = process.argv[2] ?? 'public/data';
const topologyText = readFileSync(join(dir, 'townships.topo.json'), 'utf8');
const { files } = buildOverlays(topologyText);
for (const [name, text] of Object.entries(files)) {
  writeFileSync(join(dir, name), text);
  console.log(`${name}: ${text.length} bytes`);
}

const { townships, hazard, covered } = overlayShares(topologyText, files);
const T = townships.length;
const mean = hazard.classes.map((_, c) => {
  let s = 0;
  for (let t = 0; t < T; t++) s += hazard.shares[t * 3 + c]!;
  return s / T;
});
let maxSumError = 0;
for (let t = 0; t < T; t++) maxSumError = Math.max(maxSumError, Math.abs(hazard.shares[t * 3]! + hazard.shares[t * 3 + 1]! + hazard.shares[t * 3 + 2]! - 1));
let covMean = 0;
for (let t = 0; t < T; t++) covMean += covered.shares[t]!;
covMean /= T;
console.log(`townships: ${T}`);
console.log(`mean hazard share per township: high ${mean[0]!.toFixed(4)}, medium ${mean[1]!.toFixed(4)}, low ${mean[2]!.toFixed(4)} (max |sum − 1| = ${maxSumError.toExponential(2)})`);
console.log(`mean coverage share: ${covMean.toFixed(4)}`);
const threshold = OVERLAYS_CONFIG.highRiskLowCoverage.coverageBelow;
const low = townships
  .map((f, t) => ({ code: String(f.properties?.code), name: String(f.properties?.name), coverage: covered.shares[t]!, high: hazard.shares[t * 3]! }))
  .filter((x) => x.coverage < threshold)
  .sort((a, b) => a.coverage - b.coverage);
console.log(`townships with coverage < ${threshold}: ${low.length}`);
for (const x of low) console.log(`  ${x.code} ${x.name}: coverage ${x.coverage.toFixed(3)}, high ${x.high.toFixed(3)}`);
