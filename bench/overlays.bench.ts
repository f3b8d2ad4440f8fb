/**
 * Overlay analysis benchmark: per township, the share of its area in each hazard class and the share
 * covered by rescue teams (computeAreaShares — what the worker's `areaShares` request runs), for
 * Lishui (173, public/data) and Zhejiang (1,387, build/regions/33 after `npm run data -- 33`; its
 * overlays are generated here from its townships when that folder has none).
 *
 * Baseline measured in the same run: the area of every township alone (lonLatArea), the least any
 * share computation must do; "× area" says how much the overlay costs on top. One timed run per set
 * (Zhejiang's overlays take ~½ s); OVERLAY_BENCH_SETS=Lishui limits the sets. OVERLAY_BENCH_TURF=1
 * also times the former Turf overlay (test/support/area-shares-turf.ts) on the same inputs and
 * prints how many times faster the current one is, and the largest difference in any share (~25 s
 * for Lishui, the better part of an hour for Zhejiang).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { buildOverlays } from '../data/pipeline/overlays.ts';
import { computeAreaShares } from '../src/core/area-shares/area-shares.ts';
import { lonLatArea } from '../src/core/area-shares/lon-lat-area.ts';
import { parseBoundaries } from '../src/core/boundaries/boundaries.ts';
import { HAZARD_CLASSES } from '../src/core/overlays/types.ts';
import { turfAreaShares } from '../test/support/area-shares-turf.ts';

type Layer = { features: Feature<Polygon | MultiPolygon, { class: string }>[] };

const SETS = [
  { name: 'Lishui', dir: 'public/data' },
  { name: 'Zhejiang', dir: 'build/regions/33' },
].filter((s) => !process.env.OVERLAY_BENCH_SETS || process.env.OVERLAY_BENCH_SETS.split(',').includes(s.name));

const withTurf = process.env.OVERLAY_BENCH_TURF === '1';

const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
};

console.log('set        townships   area only ms   hazard shares ms (× area)   coverage share ms (× area)');
for (const set of SETS) {
  const topoFile = join(set.dir, 'townships.topo.json');
  if (!existsSync(topoFile)) {
    console.log(`${set.name.padEnd(10)} skipped: ${topoFile} missing (npm run data${set.name === 'Lishui' ? '' : ' -- 33'})`);
    continue;
  }
  const topoText = readFileSync(topoFile, 'utf8');
  const townships = parseBoundaries(topoText, 'townships.topo.json').townships.features as Feature<Polygon | MultiPolygon>[];
  const files = existsSync(join(set.dir, 'hazard-zones.geojson'))
    ? { zones: readFileSync(join(set.dir, 'hazard-zones.geojson'), 'utf8'), coverage: readFileSync(join(set.dir, 'coverage.geojson'), 'utf8') }
    : (() => {
        const built = buildOverlays(topoText).files;
        return { zones: built['hazard-zones.geojson'], coverage: built['coverage.geojson'] };
      })();
  const zones = (JSON.parse(files.zones) as Layer).features;
  const covered = (JSON.parse(files.coverage) as Layer).features.filter((f) => f.properties.class === 'covered');

  const [, areaMs] = time(() => townships.reduce((s, f) => s + lonLatArea(f.geometry), 0));
  const [hazard, hazardMs] = time(() => computeAreaShares(townships, zones, HAZARD_CLASSES, 'hazard-zones.geojson'));
  const [coverage, coverageMs] = time(() => computeAreaShares(townships, covered, ['covered'], 'coverage.geojson'));
  const sums = townships.map((_, t) => hazard.shares[t * 3]! + hazard.shares[t * 3 + 1]! + hazard.shares[t * 3 + 2]!);
  console.log(
    `${set.name.padEnd(10)} ${String(townships.length).padStart(9)}   ${areaMs.toFixed(1).padStart(12)}   ${hazardMs.toFixed(0).padStart(16)} (${(hazardMs / areaMs).toFixed(0)}×)   ${coverageMs.toFixed(0).padStart(17)} (${(coverageMs / areaMs).toFixed(0)}×)   shares sum to 1 ± ${Math.max(...sums.map((x) => Math.abs(x - 1))).toExponential(1)}`,
  );
  if (withTurf) {
    const [turfHazard, turfHazardMs] = time(() => turfAreaShares(townships, zones, HAZARD_CLASSES));
    const [turfCoverage, turfCoverageMs] = time(() => turfAreaShares(townships, covered, ['covered']));
    const diff = (a: Float64Array, b: Float64Array): number => a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i]!)), 0);
    console.log(
      `${'  Turf'.padEnd(10)} ${''.padStart(9)}   ${''.padStart(12)}   ${turfHazardMs.toFixed(0).padStart(16)} (${(turfHazardMs / hazardMs).toFixed(0)}× current)   ${turfCoverageMs.toFixed(0).padStart(9)} (${(turfCoverageMs / coverageMs).toFixed(0)}× current)   max |Δ share| ${Math.max(diff(hazard.shares, turfHazard.shares), diff(coverage.shares, turfCoverage.shares)).toExponential(1)}`,
    );
  }
}
