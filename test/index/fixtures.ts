/** Loading the golden fixtures of test/fixtures/index: a small config plus hand-made inputs and expected outputs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateIndexConfig, type IndexConfig } from '../../src/core/safety-index/config.ts';
import type { IndexInputs } from '../../src/core/safety-index/index-inputs.ts';
import { INCIDENT_TYPES } from '../../src/core/incidents/incident-types.ts';

export const FIXTURES = 'test/fixtures/index';

export function readJson<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;
}

type Rows = (number | null)[][];

export interface FixtureInputs {
  codes: string[];
  startDay: string;
  dayCount: number;
  population: (number | null)[];
  /** Present (even empty) = incident data exists; rows per type id, missing types are zero. */
  incidents?: Record<string, Rows>;
  series?: Record<string, Rows>;
  hazardShares?: { high: (number | null)[]; medium: (number | null)[] };
  coverage?: (number | null)[];
}

export interface Expected {
  code: string;
  date: string;
  index?: number | null;
  rawIndex?: number | null;
  level?: number | null;
  override?: string | null;
  matched?: string[];
  notes?: string[];
  exposure?: number;
  coverage?: number;
  risk?: Record<string, number>;
  terms?: Record<string, { today?: number | null; value?: number; missing?: boolean }>;
}

export interface Fixture {
  description: string;
  /** Keys are dotted paths into config.json ("domains.geological.terms.rainfall.reference"). */
  configPatch?: Record<string, unknown>;
  inputs: FixtureInputs;
  expected: Expected[];
}

export function fixtureConfigJson(patch: Record<string, unknown> = {}): Record<string, unknown> {
  const json = readJson<Record<string, unknown>>('config.json');
  for (const [path, value] of Object.entries(patch)) {
    const keys = path.split('.');
    let node = json as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
    node[keys[keys.length - 1]!] = value;
  }
  return json;
}

export function fixtureConfig(patch?: Record<string, unknown>): IndexConfig {
  return validateIndexConfig(fixtureConfigJson(patch), 'config.json');
}

const num = (v: number | null): number => (v === null ? Number.NaN : v);

function flat(rows: Rows, D: number, T: number): Float64Array {
  if (rows.length !== D || rows.some((r) => r.length !== T)) throw new Error('fixture rows must be days × townships');
  return Float64Array.from(rows.flat(), num);
}

export function fixtureInputs(f: FixtureInputs): IndexInputs {
  const T = f.codes.length;
  const D = f.dayCount;
  let incidents: IndexInputs['incidents'] = null;
  if (f.incidents) {
    const C = INCIDENT_TYPES.length;
    const counts = new Uint32Array(D * T * C);
    for (const [type, rows] of Object.entries(f.incidents)) {
      const k = (INCIDENT_TYPES as readonly string[]).indexOf(type);
      if (k < 0) throw new Error(`unknown incident type ${type}`);
      const values = flat(rows, D, T);
      for (let i = 0; i < D * T; i++) counts[i * C + k] = values[i]!;
    }
    incidents = { counts, typeCount: C };
  }
  const series: Record<string, Float64Array> = {};
  for (const [id, rows] of Object.entries(f.series ?? {})) series[id] = flat(rows, D, T);
  return {
    codes: f.codes,
    startDay: f.startDay,
    dayCount: D,
    population: Float64Array.from(f.population, num),
    incidents,
    series,
    hazardShares: f.hazardShares ? { high: Float64Array.from(f.hazardShares.high, num), medium: Float64Array.from(f.hazardShares.medium, num) } : null,
    coverage: f.coverage ? Float64Array.from(f.coverage, num) : null,
  };
}
