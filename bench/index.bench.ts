/**
 * Index engine benchmark: computeIndex over every day of the history (90) for Lishui (173
 * townships, public/data) and Zhejiang (1,387, build/regions/33 from `npm run data -- 33`; when that
 * folder has no daily.json, the daily inputs are generated here from its townships.topo.json with
 * the pipeline's own generator). The inputs — daily.json parsed, incidents.bin joined to townships
 * — are prepared once and not timed: the timed part is what the worker runs per config change.
 *
 * Measured side by side in one run, on the same inputs:
 * - engine: computeIndex (flat typed arrays), median of warm runs after warm-up;
 * - trivial pass: one loop reading every input value the engine reads once and writing one number
 *   per township-day — the floor for any implementation over these arrays (memory traffic, no
 *   window, no curves); engine ÷ trivial says how much work the engine does beyond touching data;
 * - naive objects: the same index written the obvious way — per township and day an object per
 *   domain and term, windows as array slices and reduce — checked against the engine (agreement of
 *   every published index), naive ÷ engine = the speed-up of the flat layout.
 * INDEX_BENCH_RUNS overrides the number of timed runs (default 21).
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { buildDailyData } from '../data/pipeline/daily-inputs.ts';
import { DATA_DATE, DATA_SEED } from '../data/pipeline/common.ts';
import { HISTORY_DAYS } from '../data/pipeline/build-region.ts';
import { parseBoundaries } from '../src/core/boundaries/boundaries.ts';
import { parseDailyFile } from '../src/core/daily-file.ts';
import { decodeIncidents } from '../src/core/incidents/incidents-bin.ts';
import { assembleIndexInputs } from '../src/core/safety-index/inputs.ts';
import { computeIndex } from '../src/core/safety-index/compute-index.ts';
import type { IndexInputs } from '../src/core/safety-index/index-inputs.ts';
import { DOMAINS, TERMS } from '../src/core/safety-index/domains.ts';
import { parseIndexConfig, type IndexConfig } from '../src/core/safety-index/config.ts';
import { evaluateCurve } from '../src/core/safety-index/curve.ts';
import { buildJoinIndex } from '../src/core/pip/build-index.ts';
import { INCIDENT_TYPE_COUNT, INCIDENT_TYPES } from '../src/core/incidents/incident-types.ts';
import { joinPoints } from '../src/core/pip/join-points.ts';
import { classifyIndex } from '../src/core/levels.ts';

const RUNS = Number(process.env.INDEX_BENCH_RUNS ?? 21);
const WARMUP = 10;
const SETS = [
  { name: 'Lishui', dir: 'public/data', make: 'npm run data' },
  { name: 'Zhejiang', dir: 'build/regions/33', make: 'npm run data -- 33' },
];

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function time(runs: number, fn: () => unknown): { median: number; min: number } {
  for (let i = 0; i < WARMUP; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return { median: median(xs), min: Math.min(...xs) };
}

/** Inputs as the app prepares them: daily.json parsed, incidents.bin joined (or generated when absent). */
function loadInputs(dir: string): { inputs: IndexInputs; source: string } {
  const topoText = readFileSync(`${dir}/townships.topo.json`, 'utf8');
  if (!existsSync(`${dir}/daily.json`) || !existsSync(`${dir}/incidents.bin`)) {
    return { inputs: buildDailyData(topoText, DATA_DATE, HISTORY_DAYS, DATA_SEED).inputs, source: 'generated here from townships.topo.json' };
  }
  const boundaries = parseBoundaries(topoText, 'townships.topo.json');
  const codes = boundaries.townships.features.map((f) => f.properties.code);
  const daily = parseDailyFile(readFileSync(`${dir}/daily.json`, 'utf8'), 'daily.json');
  const incidents = decodeIncidents(readFileSync(`${dir}/incidents.bin`), 'incidents.bin');
  const join = joinPoints(buildJoinIndex(boundaries.townships.features), incidents.coords, incidents.types, INCIDENT_TYPE_COUNT, incidents.days, incidents.dayCount);
  const inputs = assembleIndexInputs(daily, {
    codes,
    incidents: { countsByDay: join.countsByDay!, codes, startDay: incidents.startDay, dayCount: incidents.dayCount, typeCount: INCIDENT_TYPE_COUNT },
  });
  return { inputs, source: `${dir}/daily.json + incidents.bin` };
}

/** Read every input value the engine reads once; one number out per township-day. */
function trivialPass(inputs: IndexInputs, out: Float64Array): void {
  const T = inputs.codes.length;
  const N = inputs.dayCount * T;
  const counts = inputs.incidents!.counts;
  const C = inputs.incidents!.typeCount;
  const series = ['rainfall', 'major_hazards_open', 'disputes_new', 'disputes_open', 'fatal_incidents'].map((id) => inputs.series![id]!);
  for (let i = 0; i < N; i++) {
    let s = 0;
    for (let k = 0; k < C; k++) s += counts[i * C + k]!;
    for (const x of series) s += x[i]!;
    out[i] = 100 - s / inputs.population[i % T]!;
  }
}

/** The index the obvious way: objects per domain and term, windows as slices. Returns the published index per township-day. */
function naiveObjects(config: IndexConfig, inputs: IndexInputs): Float64Array {
  const T = inputs.codes.length;
  const D = inputs.dayCount;
  const out = new Float64Array(D * T);
  const weights = Array.from({ length: config.window.days }, (_, k) => config.window.decay ** k);
  const full = weights.reduce((a, b) => a + b, 0);
  const dailyOf = (id: string, t: number): number[] | null => {
    const type = (INCIDENT_TYPES as readonly string[]).indexOf(id);
    if (type >= 0) return Array.from({ length: D }, (_, d) => inputs.incidents!.counts[(d * T + t) * inputs.incidents!.typeCount + type]!);
    const s = inputs.series?.[id];
    return s ? Array.from({ length: D }, (_, d) => s[d * T + t]!) : null;
  };
  const scale = 10 ** config.indexDecimals;
  for (let t = 0; t < T; t++) {
    const township = {
      population: inputs.population[t]!,
      exposure: config.exposure.default,
      coverage: config.coverage.default,
      series: Object.fromEntries([...TERMS.map((s) => s.id), ...config.overrides.map((r) => r.input)].map((id) => [id, dailyOf(id, t)])),
    };
    for (let d = 0; d < D; d++) {
      const domains = DOMAINS.map((id) => {
        const dc = config.domains[id];
        const terms = TERMS.filter((s) => s.domain === id).map((spec) => {
          const tc = dc.terms[spec.id]!;
          let value: number;
          if (spec.source === 'uncovered') value = 1 - township.coverage;
          else {
            const xs = township.series[spec.id]!;
            if (tc.window === 'today') value = xs[d]!;
            else {
              const window = xs.slice(Math.max(0, d - config.window.days + 1), d + 1).reverse();
              const present = window.reduce((a, _, k) => a + weights[k]!, 0);
              value = (window.reduce((a, x, k) => a + weights[k]! * x, 0) * full) / present;
            }
            if (tc.per10k) value *= 10_000 / Math.max(township.population, config.minPopulation);
            if (spec.exposure) value *= township.exposure;
          }
          return { id: spec.id, value, load: value / tc.reference };
        });
        const load = terms.reduce((a, x) => a + x.load, 0);
        return { id, terms, load, risk: evaluateCurve(dc.curve, load), weight: dc.weight };
      });
      const raw = Math.round(Math.min(100, Math.max(0, 100 - domains.reduce((a, x) => a + x.weight * x.risk, 0))) * scale) / scale;
      let level = classifyIndex(raw, config.bands)!;
      let capped = false;
      for (const rule of config.overrides) {
        if (rule.minExposure !== null && township.exposure < rule.minExposure) continue;
        if (rule.rainstormDay && !(township.series.rainfall![d]! >= config.rainstormMm)) continue;
        const xs = township.series[rule.input]!;
        const sum = xs.slice(Math.max(0, d - rule.windowDays + 1), d + 1).reduce((a, b) => a + b, 0);
        if (sum >= rule.atLeast && rule.maxLevel < level) {
          level = rule.maxLevel;
          capped = true;
        }
      }
      out[d * T + t] = capped ? Math.min(raw, (Math.round(config.bands[level - 1]! * scale) - 1) / scale) : raw;
    }
  }
  return out;
}

const config = parseIndexConfig(readFileSync('public/data/index-config.json', 'utf8'), 'index-config.json');
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`computeIndex over all ${HISTORY_DAYS} days; median of ${RUNS} runs after ${WARMUP} warm-up runs (inputs prepared once, not timed)\n`);

interface Row {
  set: string;
  townships: string;
  engine: string;
  min: string;
  perDay: string;
  trivial: string;
  xTrivial: string;
  naive: string;
  speedup: string;
  agree: string;
}
const rows: Row[] = [];
const notes: string[] = [];
for (const set of SETS) {
  if (!existsSync(`${set.dir}/townships.topo.json`)) {
    notes.push(`${set.name}: ${set.dir}/townships.topo.json missing (make it with \`${set.make}\`), skipped`);
    continue;
  }
  const { inputs, source } = loadInputs(set.dir);
  const T = inputs.codes.length;
  process.stdout.write(`${set.name}: ${T} townships × ${inputs.dayCount} days, inputs from ${source} … `);
  const engine = time(RUNS, () => computeIndex(config, inputs));
  const out = new Float64Array(inputs.dayCount * T);
  const trivial = time(RUNS, () => trivialPass(inputs, out));
  const naiveRuns = 7;
  const naive = time(naiveRuns, () => naiveObjects(config, inputs));
  const result = computeIndex(config, inputs);
  const naiveIndex = naiveObjects(config, inputs);
  let same = 0;
  for (let i = 0; i < naiveIndex.length; i++) if (naiveIndex[i] === result.index[i]) same++;
  rows.push({
    set: set.name,
    townships: T.toLocaleString('en'),
    engine: engine.median.toFixed(2),
    min: engine.min.toFixed(2),
    perDay: ((engine.median / inputs.dayCount) * 1000).toFixed(0),
    trivial: trivial.median.toFixed(3),
    xTrivial: `${(engine.median / trivial.median).toFixed(1)}×`,
    naive: naive.median.toFixed(1),
    speedup: `${(naive.median / engine.median).toFixed(1)}×`,
    agree: `${((100 * same) / naiveIndex.length).toFixed(2)}%`,
  });
  console.log('done');
}

const header: Row = {
  set: 'set',
  townships: 'townships',
  engine: 'engine ms (median)',
  min: 'min ms',
  perDay: 'µs / day',
  trivial: 'trivial pass ms',
  xTrivial: 'engine ÷ trivial',
  naive: 'naive objects ms',
  speedup: 'naive ÷ engine',
  agree: 'naive agrees',
};
const keys = Object.keys(header) as (keyof Row)[];
const widths = keys.map((k) => Math.max(header[k].length, ...rows.map((r) => r[k].length)));
const line = (r: Row): string => `| ${keys.map((k, i) => (k === 'set' ? r[k].padEnd(widths[i]!) : r[k].padStart(widths[i]!))).join(' | ')} |`;
console.log();
console.log(line(header));
console.log(`|${widths.map((w, i) => (keys[i] === 'set' ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|')}|`);
for (const r of rows) console.log(line(r));
for (const n of notes) console.log(`\nnote: ${n}`);
console.log('\naim: all 90 days for ~1,360 townships (Zhejiang) ≤ 50 ms.');
console.log('trivial pass: reads each input once (7 incident counts + 5 series per township-day), no window, curve or rule — the memory floor.');
console.log('naive objects: the same formulas with an object per domain and term and array slices for windows; "agrees" = identical published index.');
