/**
 * Point-in-polygon join benchmark, all numbers from one run on the same points:
 * - index build: buildJoinIndex from the decoded GeoJSON features (flattening included), median of
 *   7 builds after warm-up (the cold first build is shown too);
 * - join: joinPoints (township + counts per township × type) on 2,000,000 seeded points uniform over
 *   the boundaries' extent, parsing excluded, median of 10 runs after 10 warm-up runs → million
 *   points per second;
 * - turf.tag (the Turf way: every point against every polygon, inputs cloned per call) on a seeded
 *   subset sized to run ~1 s, scaled per point;
 * - flatbush over the polygons' bboxes + an exact even–odd point-in-polygon test on flat arrays, on a
 *   subset sized to run ~1 s;
 * - the floor: a plain loop doing one 16-bit grid-cell read per point over a grid of the index's
 *   size, on the same points in the same run, and the join's time as a multiple of it (how close
 *   the join is to one memory read per point, independent of the machine);
 * - agreement of both baselines with the join on their subsets.
 * Township sets: Lishui (public/data), Zhejiang and national (build/regions, made by
 * `npm run data -- 33` / `npm run data -- all`); a missing file is skipped with a note.
 * JOIN_BENCH_SETS=lishui,zhejiang limits the run to some sets. The join is timed by the wall clock;
 * its CPU-time rate is printed beside it, a large gap meaning other processes shared the core.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { tag } from '@turf/turf';
import Flatbush from 'flatbush';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { buildJoinIndex } from '../src/core/pip/build-index';
import { describeJoinIndex, type JoinIndex } from '../src/core/pip/join-index';
import { joinPoints } from '../src/core/pip/join-points';
import { locatePoints } from '../src/core/pip/locate-points';
import { readBoundaryFeatures, type BoundaryFeature } from '../src/core/boundaries/read-boundaries';
import { createRandom } from '../src/core/random';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SETS = [
  { name: 'Lishui', file: 'public/data/townships.topo.json', make: 'npm run data' },
  { name: 'Zhejiang', file: 'build/regions/33/townships.topo.json', make: 'npm run data -- 33' },
  { name: 'National', file: 'build/regions/all/townships.topo.json', make: 'npm run data -- all' },
];
const POINTS = 2_000_000;
const JOIN_RUNS = 10;
const JOIN_WARMUP = 10;
const BUILD_RUNS = 7;
const SEED = 20240501;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Row {
  set: string;
  townships: string;
  edges: string;
  build: string;
  cold: string;
  mb: string;
  join: string;
  joinCpu: string;
  floor: string;
  xFloor: string;
  turf: string;
  xTurf: string;
  flatbush: string;
  xFlatbush: string;
  agree: string;
}

/** The flatbush + exact PIP baseline: bbox index of the polygons, then even–odd on flat rings. */
class FlatbushPip {
  readonly index: Flatbush;
  private readonly rings: Float64Array[][] = [];

  constructor(features: readonly BoundaryFeature[]) {
    this.index = new Flatbush(features.length);
    for (const f of features) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      const rings: Float64Array[] = [];
      for (const poly of polys) {
        for (const ring of poly) {
          const a = new Float64Array(ring.length * 2);
          ring.forEach((p, i) => {
            a[2 * i] = p[0]!;
            a[2 * i + 1] = p[1]!;
            if (p[0]! < minX) minX = p[0]!;
            if (p[0]! > maxX) maxX = p[0]!;
            if (p[1]! < minY) minY = p[1]!;
            if (p[1]! > maxY) maxY = p[1]!;
          });
          rings.push(a);
        }
      }
      this.rings.push(rings);
      this.index.add(minX, minY, maxX, maxY);
    }
    this.index.finish();
  }

  locate(x: number, y: number): number {
    const ids = this.index.search(x, y, x, y);
    let best = -1;
    for (const id of ids) {
      if ((best < 0 || id < best) && this.contains(id, x, y)) best = id;
    }
    return best;
  }

  private contains(id: number, x: number, y: number): boolean {
    let inside = false;
    for (const r of this.rings[id]!) {
      const n = r.length >> 1;
      for (let i = 0, j = n - 1; i < n; j = i++) {
        const xi = r[2 * i]!;
        const yi = r[2 * i + 1]!;
        const xj = r[2 * j]!;
        const yj = r[2 * j + 1]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    return inside;
  }
}

/** Values read by the floor loop, kept so the loop cannot be optimized away. */
const floorSink: number[] = [];

/**
 * The floor the join is compared with: the same points, one read per point from a grid of 16-bit
 * cells of the index's size (nx × ny), with the index's cell arithmetic, and one int32 written per
 * point. No join can be faster than this on the same machine, so the join's ratio to it reads the
 * same on any machine. Returns the median milliseconds of `runs` after `warmup`.
 */
function gridReadFloor(index: JoinIndex, coords: Float64Array, warmup: number, runs: number): number {
  const { minX, minY, maxX, maxY, invW, invH, nx, ny } = index;
  const grid = new Uint16Array(nx * ny);
  const fill = createRandom(SEED + 1);
  for (let c = 0; c < grid.length; c++) grid[c] = Math.floor(fill() * 0x10000);
  const n = coords.length >> 1;
  const out = new Int32Array(n);
  const lastI = nx - 1;
  const lastJ = ny - 1;
  const times: number[] = [];
  for (let k = 0; k < warmup + runs; k++) {
    const t0 = performance.now();
    for (let p = 0; p < n; p++) {
      const x = coords[2 * p]!;
      const y = coords[2 * p + 1]!;
      let v = -1;
      if (x >= minX && x < maxX && y >= minY && y < maxY) {
        let i = ((x - minX) * invW) | 0;
        if (i > lastI) i = lastI;
        let j = ((y - minY) * invH) | 0;
        if (j > lastJ) j = lastJ;
        v = grid[j * nx + i]! - 1;
      }
      out[p] = v;
    }
    if (k >= warmup) times.push(performance.now() - t0);
  }
  floorSink.push(out[n >> 1]!);
  return median(times);
}

/** Time fn(n) on growing n until one call takes at least `minMs`; returns points per second. */
function adaptive(start: number, max: number, minMs: number, fn: (n: number) => void): { n: number; perSec: number } {
  let n = start;
  for (;;) {
    const t0 = performance.now();
    fn(n);
    const ms = performance.now() - t0;
    if (ms >= minMs || n >= max) return { n, perSec: (n / ms) * 1000 };
    n = Math.min(max, Math.ceil(n * Math.max(2, (minMs / Math.max(ms, 1)) * 1.2)));
  }
}

function benchSet(name: string, features: BoundaryFeature[]): Row {
  const edges = features.reduce((s, f) => {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    return s + polys.reduce((a, p) => a + p.reduce((b, r) => b + r.length - 1, 0), 0);
  }, 0);

  // index build
  gc();
  let t0 = performance.now();
  let index: JoinIndex = buildJoinIndex(features);
  const cold = performance.now() - t0;
  // warm-up builds (the JIT is still optimizing the build code during the first few), then measure
  for (let k = cold < 200 ? 3 : 0; k > 0; k--) buildJoinIndex(features);
  // (no gc() between builds: a forced full GC also throws away optimized code, so every build would
  // then run partly cold)
  const builds: number[] = [];
  for (let k = 0; k < BUILD_RUNS; k++) {
    t0 = performance.now();
    index = buildJoinIndex(features);
    builds.push(performance.now() - t0);
  }
  const stats = describeJoinIndex(index);

  // points
  const r = createRandom(SEED);
  const coords = new Float64Array(2 * POINTS);
  const types = new Uint8Array(POINTS);
  const w = index.maxX - index.minX;
  const h = index.maxY - index.minY;
  for (let i = 0; i < POINTS; i++) {
    coords[2 * i] = index.minX + r() * w;
    coords[2 * i + 1] = index.minY + r() * h;
    types[i] = Math.floor(r() * 7);
  }

  // our join: JOIN_WARMUP runs (the JIT keeps improving the loop over the first several calls), then
  // JOIN_RUNS measured (wall clock; CPU time kept to spot a busy machine)
  gc();
  const joins: number[] = [];
  const joinsCpu: number[] = [];
  let township: Int32Array = new Int32Array(0);
  for (let k = 0; k < JOIN_WARMUP + JOIN_RUNS; k++) {
    const c0 = process.cpuUsage();
    t0 = performance.now();
    const res = joinPoints(index, coords, types, 7);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    if (k >= JOIN_WARMUP) {
      joins.push(ms);
      joinsCpu.push((cpu.user + cpu.system) / 1000);
    }
    township = res.township;
  }
  const ours = POINTS / (median(joins) / 1000);
  const oursCpu = POINTS / (median(joinsCpu) / 1000);
  const inside = township.reduce((s, k) => s + (k >= 0 ? 1 : 0), 0);

  // the floor, right after the join, on the same points
  gc();
  const floorMs = gridReadFloor(index, coords, JOIN_WARMUP, JOIN_RUNS);
  const floor = POINTS / (floorMs / 1000);

  // turf.tag on a subset of the same points
  gc();
  const polygons: FeatureCollection<Polygon | MultiPolygon> = { type: 'FeatureCollection', features };
  const pointFc = (n: number): FeatureCollection<Point> => ({
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [coords[2 * i]!, coords[2 * i + 1]!] } })),
  });
  const codeIndex = new Map(features.map((f, i) => [f.properties.code, i]));
  let turfDisagree = 0;
  let turfN = 0;
  const turfRes = adaptive(features.length > 10_000 ? 4 : features.length > 1000 ? 50 : 200, 50_000, 1000, (n) => {
    const tagged = tag(pointFc(n), polygons, 'code', 'township');
    turfN = n;
    turfDisagree = 0;
    tagged.features.forEach((p: Feature<Point>, i: number) => {
      const code = p.properties?.['township'] as string | undefined;
      if ((code === undefined ? -1 : codeIndex.get(code)!) !== township[i]) turfDisagree++;
    });
  });

  // flatbush + PIP on a subset of the same points
  gc();
  const fb = new FlatbushPip(features);
  let fbDisagree = 0;
  let fbN = 0;
  fb.locate(coords[0]!, coords[1]!);
  const fbRes = adaptive(2000, POINTS, 1000, (n) => {
    let dis = 0;
    for (let i = 0; i < n; i++) if (fb.locate(coords[2 * i]!, coords[2 * i + 1]!) !== township[i]) dis++;
    fbDisagree = dis;
    fbN = n;
  });

  // sanity: the batch locator gives the same as joinPoints
  const again = locatePoints(index, coords.subarray(0, 20_000));
  for (let i = 0; i < again.length; i++) if (again[i] !== township[i]) throw new Error(`${name}: locatePoints and joinPoints disagree at ${i}`);

  return {
    set: name,
    townships: features.length.toLocaleString('en'),
    edges: edges.toLocaleString('en'),
    build: median(builds).toFixed(1),
    cold: cold.toFixed(0),
    mb: (stats.bytes / 1e6).toFixed(1),
    join: (ours / 1e6).toFixed(1),
    joinCpu: (oursCpu / 1e6).toFixed(1),
    floor: (floor / 1e6).toFixed(1),
    xFloor: (median(joins) / floorMs).toFixed(2),
    turf: turfRes.perSec < 1e4 ? turfRes.perSec.toFixed(0) : `${(turfRes.perSec / 1e3).toFixed(1)}k`,
    xTurf: Math.round(ours / turfRes.perSec).toLocaleString('en'),
    flatbush: (fbRes.perSec / 1e6).toFixed(2),
    xFlatbush: (ours / fbRes.perSec).toFixed(1),
    agree: `turf ${turfN - turfDisagree}/${turfN}, flatbush ${fbN - fbDisagree}/${fbN}; ${((inside / POINTS) * 100).toFixed(0)}% inside`,
  };
}

const rows: Row[] = [];
const notes: string[] = [];
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(
  `${POINTS.toLocaleString('en')} seeded points uniform over each set's extent; join = median of ${JOIN_RUNS} runs after ${JOIN_WARMUP} warm-up runs; build = median of ${BUILD_RUNS}\n`,
);
const only = process.env['JOIN_BENCH_SETS']?.split(',').map((x) => x.trim().toLowerCase());
for (const s of SETS) {
  if (only !== undefined && !only.includes(s.name.toLowerCase())) continue;
  const path = ROOT + s.file;
  if (!existsSync(path)) {
    notes.push(`${s.name}: skipped — ${s.file} is missing (make it with \`${s.make}\`)`);
    continue;
  }
  const features = readBoundaryFeatures(readFileSync(path, 'utf8'), s.file);
  process.stdout.write(`${s.name}: ${features.length} townships … `);
  const row = benchSet(s.name, features);
  console.log('done');
  rows.push(row);
}

const header: Row = {
  set: 'set',
  townships: 'townships',
  edges: 'edges',
  build: 'build ms',
  cold: 'cold ms',
  mb: 'index MB',
  join: 'join M pts/s',
  joinCpu: '(CPU time)',
  floor: 'grid-read floor M pts/s',
  xFloor: 'join time ÷ floor',
  turf: 'turf.tag pts/s',
  xTurf: '× turf',
  flatbush: 'flatbush+PIP M pts/s',
  xFlatbush: '× flatbush',
  agree: 'agreement on baseline subsets',
};
const keys = Object.keys(header) as (keyof Row)[];
const widths = keys.map((k) => Math.max(header[k].length, ...rows.map((r) => r[k].length)));
const line = (r: Row) => `| ${keys.map((k, i) => (k === 'set' || k === 'agree' ? r[k].padEnd(widths[i]!) : r[k].padStart(widths[i]!))).join(' | ')} |`;
console.log();
console.log(line(header));
console.log(`|${widths.map((w, i) => (keys[i] === 'set' || keys[i] === 'agree' ? ':' : '-') + '-'.repeat(w) + (keys[i] === 'set' || keys[i] === 'agree' ? '-' : ':')).join('|')}|`);
for (const r of rows) console.log(line(r));
for (const n of notes) console.log(`\nnote: ${n}`);
console.log(
  '\ntargets: join ≥ 50 M pts/s (173, ~1,380 townships), ≥ 20 M pts/s (~40,000); ≥ 1,000× turf.tag; ≥ 20× flatbush+PIP; build ≤ 20 ms (173), ≤ 100 ms (~1,380), ≤ 1.5 s (~40,000)',
);
console.log('turf.tag time includes its per-call clone of points and polygons, amortized over the subset.');
