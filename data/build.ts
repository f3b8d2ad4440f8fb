/**
 * npm run data -- [region] [--out DIR] [--seed S] [--lenient]
 *
 * Builds township boundaries (and stand-in daily levels) for a region: "3311" (Lishui, default,
 * written to public/data and committed), a province such as "33", or "all" (national, lenient,
 * written under build/regions/ and not committed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { loadUnits, SourceDataError } from './pipeline/sources.ts';
import { partitionUnit } from './pipeline/partition.ts';
import { insertTJunctions, removeSpikes } from './pipeline/t-junctions.ts';
import { buildTopology } from './pipeline/topology.ts';
import { generateLevels } from './pipeline/levels.ts';
import { DEFAULT_REGION, DATA_DATE, DATA_SEED, regionName, stableJson } from './pipeline/common.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    seed: { type: 'string', default: DATA_SEED },
    lenient: { type: 'boolean', default: false },
  },
});
const region = positionals[0] ?? DEFAULT_REGION;
const out = values.out ?? (region === DEFAULT_REGION ? 'public/data' : join('build/regions', region));
const lenient = values.lenient || region === 'all';
const seed = values.seed!;

try {
  const started = performance.now();
  const warnings: string[] = [];
  const units = loadUnits({ region, lenient, warn: (m) => warnings.push(m) });
  for (const w of warnings) console.warn(w);
  const expected = units.reduce((n, u) => n + u.counties.reduce((m, c) => m + c.townships.length, 0), 0);
  console.log(`${region}: ${units.length} units, ${expected} townships`);

  const cells = units.flatMap((unit, i) => {
    if (units.length > 20 && i % 20 === 0) console.log(`  partitioning ${i}/${units.length}`);
    return partitionUnit(unit, seed);
  });
  if (cells.length !== expected) {
    throw new SourceDataError(`partition produced ${cells.length} townships, expected ${expected}`);
  }
  const shapes = cells.map((c) => c.coords);
  const junctions = insertTJunctions(shapes);
  const spikes = removeSpikes(shapes);
  console.log(`  rings: ${junctions} T-junction vertices inserted, ${spikes} spike vertices removed`);
  const approximateCounties = new Set(units.filter((u) => u.approximate).flatMap((u) => u.counties.map((c) => c.code)));
  const topo = buildTopology(cells, {
    quantization: 1e5,
    maxGapArea: 1e-4,
    approximateCounties,
    onClean: (r) => console.log(`  topology: ${r.gapsFilled} gaps filled, ${r.fragmentsMoved} fragments moved, ${r.islandsKept} islands kept, ${r.specksDropped} specks dropped`),
  });

  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'townships.topo.json'), stableJson(topo));
  const codes = (topo.objects.townships as { geometries: { properties?: { code: string } }[] }).geometries.map((g) => g.properties!.code);
  writeFileSync(join(out, 'levels.json'), stableJson(generateLevels(codes, [DATA_DATE], seed)));
  writeFileSync(
    join(out, 'manifest.json'),
    stableJson({
      version: 1,
      region: { code: region, name: regionName(region) },
      boundaries: 'townships.topo.json',
      levels: 'levels.json',
      seed,
      approximateCounties: [...approximateCounties].sort(),
    }),
  );
  // A GeoJSON check that the topology decodes, so a broken build never reaches public/.
  const decoded = feature(topo, topo.objects.townships) as unknown as { features: Feature<Polygon | MultiPolygon>[] };
  if (decoded.features.length !== expected) throw new Error('topology lost townships while encoding');
  console.log(`wrote ${out} (${codes.length} townships) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  if (error instanceof SourceDataError) {
    console.error(`npm run data: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
