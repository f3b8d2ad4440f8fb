/**
 * # index-config.json — every parameter of the safety index in one file a city can edit
 *
 * Validated by {@link validateIndexConfig}: any problem is a {@link DataError} whose message names
 * the file and the key (`index-config.json: "domains.geological.weight": …`), so the app can show
 * it and keep its last good config. The format, with the default values, is documented in
 * data/FORMATS.md ("index-config.json"); the default file is public/data/index-config.json.
 */
import { DataError, isRecord, parseJson } from '../data-error.ts';
import type { Bands, Level } from '../levels.ts';
import { DOMAINS, RULE_INPUTS, TERMS, termsOf, type DomainId } from './domains.ts';

/** Piecewise-linear points `[load, risk]`: load strictly increasing, risk 0–100 non-decreasing. */
export type Curve = readonly (readonly [number, number])[];

export type WindowKind = 'decayed' | 'today';

export interface TermConfig {
  /** The input value (after per-10k and window) that makes a load of 1. */
  readonly reference: number;
  /** Divide by residents / 10,000 (with the `minPopulation` floor). */
  readonly per10k: boolean;
  /** `decayed`: Σ decay^k · x(d − k) over the window; `today`: x(d) (backlogs, static shares). */
  readonly window: WindowKind;
}

export interface DomainConfig {
  /** Weight in the index; the six weights sum to 1. */
  readonly weight: number;
  /** This domain's curve: the domain's own `curve` if given, else the top-level one. */
  readonly curve: Curve;
  readonly terms: Readonly<Record<string, TermConfig>>;
}

export interface OverrideRule {
  readonly id: string;
  readonly label: string;
  /** An incident type or daily series id (RULE_INPUTS). */
  readonly input: string;
  /** Days summed, today included (1 = today only). */
  readonly windowDays: number;
  /** The rule matches when the sum is ≥ this. */
  readonly atLeast: number;
  /** Only on a day with at least `rainstormMm` of rain in the township. */
  readonly rainstormDay: boolean;
  /** Only in townships whose geological exposure is ≥ this (null: any). */
  readonly minExposure: number | null;
  /** The township's level is at most this (1 = red … 4 = blue) while the rule matches. */
  readonly maxLevel: Level;
}

export interface IndexConfig {
  readonly version: 1;
  readonly name: string;
  readonly bands: Bands;
  /** Optional level colors (level 1 … 5); null: the app's defaults. */
  readonly levelColors: readonly string[] | null;
  /** Decimals the index is rounded to before it is classified (and written to levels.json). */
  readonly indexDecimals: number;
  readonly window: { readonly days: number; readonly decay: number };
  /** Per-10k rates use max(population, minPopulation). */
  readonly minPopulation: number;
  /** Rain (mm in a day) from which a day counts as a rainstorm day for a township (rules). */
  readonly rainstormMm: number;
  /** Default load → risk curve. */
  readonly curve: Curve;
  /** Geological exposure = high share · high + medium share · medium (clamped to 0–1); `default` without hazard zones. */
  readonly exposure: { readonly high: number; readonly medium: number; readonly default: number };
  /** Share of a township covered by emergency teams when there is no coverage layer. */
  readonly coverage: { readonly default: number };
  readonly domains: Readonly<Record<DomainId, DomainConfig>>;
  readonly overrides: readonly OverrideRule[];
}

const MAX_RULES = 32;

/** Parse and validate index-config.json. */
export function parseIndexConfig(text: string, file: string): IndexConfig {
  return validateIndexConfig(parseJson(text, file), file);
}

/**
 * Validate a parsed config. Returns the typed config (with the documented defaults filled in) or
 * throws a DataError naming `file` and the key: weights not summing to 1, unsorted or overlapping
 * bands, an unknown domain / term / rule input, a missing reference, a bad curve, etc.
 */
export function validateIndexConfig(json: unknown, file: string): IndexConfig {
  const fail = (key: string, problem: string): never => {
    throw new DataError(file, `"${key}" ${problem}`);
  };
  const num = (v: unknown, key: string, min: number, max: number, integer = false): number => {
    if (v === undefined) fail(key, 'is missing');
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(key, `must be a number, got ${JSON.stringify(v)}`);
    const n = v as number;
    if (integer && !Number.isInteger(n)) fail(key, `must be an integer, got ${n}`);
    if (n < min || n > max) fail(key, `must be within ${min} … ${max}, got ${n}`);
    return n;
  };
  const obj = (v: unknown, key: string): Record<string, unknown> => {
    if (v === undefined) fail(key, 'is missing');
    if (!isRecord(v)) fail(key, 'must be an object');
    return v as Record<string, unknown>;
  };
  const curveOf = (v: unknown, key: string): Curve => {
    if (!Array.isArray(v) || v.length < 2) return fail(key, 'must be an array of at least two [load, risk] points');
    const points = (v as unknown[]).map((p, i) => {
      if (!Array.isArray(p) || p.length !== 2) fail(`${key}[${i}]`, 'must be a [load, risk] pair');
      const [x, y] = p as unknown[];
      return [num(x, `${key}[${i}][0]`, 0, Number.MAX_VALUE), num(y, `${key}[${i}][1]`, 0, 100)] as const;
    });
    for (let i = 1; i < points.length; i++) {
      if (!(points[i]![0] > points[i - 1]![0])) fail(`${key}[${i}]`, `load ${points[i]![0]} must be greater than the previous point's ${points[i - 1]![0]}`);
      if (points[i]![1] < points[i - 1]![1]) fail(`${key}[${i}]`, `risk ${points[i]![1]} must not be below the previous point's ${points[i - 1]![1]} (risk may not fall as the load rises)`);
    }
    return points;
  };

  const root = obj(json, '(root)');
  if (root.version !== 1) fail('version', `must be 1, got ${JSON.stringify(root.version)}`);
  const name = root.name === undefined ? '' : typeof root.name === 'string' ? root.name : fail('name', 'must be a string');

  // bands: four increasing lower bounds of levels 2 … 5
  if (!Array.isArray(root.bands) || root.bands.length !== 4) fail('bands', 'must be 4 numbers: the lower bounds of orange, yellow, blue and green');
  const bands = (root.bands as unknown[]).map((b, i) => num(b, `bands[${i}]`, 0, 100));
  for (let i = 1; i < 4; i++) {
    if (!(bands[i]! > bands[i - 1]!)) fail(`bands[${i}]`, `(${bands[i]}) must be greater than bands[${i - 1}] (${bands[i - 1]}): bands may not overlap or be unsorted`);
  }

  let levelColors: string[] | null = null;
  if (root.levelColors !== undefined && root.levelColors !== null) {
    if (!Array.isArray(root.levelColors) || root.levelColors.length !== 5) fail('levelColors', 'must be 5 colors, level 1 (red) … 5 (green)');
    levelColors = (root.levelColors as unknown[]).map((c, i) =>
      typeof c === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(c) ? c : fail(`levelColors[${i}]`, `must be a #rgb or #rrggbb color, got ${JSON.stringify(c)}`),
    );
  }
  const indexDecimals = root.indexDecimals === undefined ? 1 : num(root.indexDecimals, 'indexDecimals', 0, 3, true);

  const w = obj(root.window, 'window');
  const window = { days: num(w.days, 'window.days', 1, 31, true), decay: num(w.decay, 'window.decay', 0, 1) };
  const minPopulation = num(root.minPopulation, 'minPopulation', 1, 1e9);
  const rainstormMm = num(root.rainstormMm, 'rainstormMm', 0, 2000);
  const curve = curveOf(root.curve, 'curve');
  const e = obj(root.exposure, 'exposure');
  const exposure = { high: num(e.high, 'exposure.high', 0, 1), medium: num(e.medium, 'exposure.medium', 0, 1), default: num(e.default, 'exposure.default', 0, 1) };
  const c = obj(root.coverage, 'coverage');
  const coverage = { default: num(c.default, 'coverage.default', 0, 1) };

  // domains: exactly the six, weights summing to 1, every term with a reference
  const d = obj(root.domains, 'domains');
  for (const key of Object.keys(d)) {
    if (!(DOMAINS as readonly string[]).includes(key)) fail(`domains.${key}`, `is not a domain (expected ${DOMAINS.join(', ')})`);
  }
  const domains = {} as Record<DomainId, DomainConfig>;
  let weightSum = 0;
  for (const id of DOMAINS) {
    const key = `domains.${id}`;
    const dc = obj(d[id], key);
    const weight = num(dc.weight, `${key}.weight`, 0, 1);
    weightSum += weight;
    const termsJson = obj(dc.terms, `${key}.terms`);
    const specs = termsOf(id);
    for (const t of Object.keys(termsJson)) {
      if (!specs.some((s) => s.id === t)) {
        const elsewhere = TERMS.find((s) => s.id === t);
        fail(`${key}.terms.${t}`, elsewhere ? `belongs to domain ${elsewhere.domain}, not ${id}` : `is not an input of ${id} (expected ${specs.map((s) => s.id).join(', ')})`);
      }
    }
    const terms: Record<string, TermConfig> = {};
    for (const spec of specs) {
      const tk = `${key}.terms.${spec.id}`;
      const tc = termsJson[spec.id];
      if (tc === undefined) fail(tk, 'is missing (each input needs a "reference")');
      const t = obj(tc, tk);
      if (t.reference === undefined) fail(`${tk}.reference`, 'is missing');
      const reference = num(t.reference, `${tk}.reference`, Number.MIN_VALUE, Number.MAX_VALUE);
      const staticShare = spec.source === 'uncovered';
      const per10k = t.per10k === undefined ? false : typeof t.per10k === 'boolean' ? t.per10k : fail(`${tk}.per10k`, 'must be true or false');
      const windowKind = t.window === undefined ? 'today' : t.window === 'decayed' || t.window === 'today' ? t.window : fail(`${tk}.window`, 'must be "decayed" or "today"');
      if (staticShare && (per10k || windowKind !== 'today')) fail(tk, 'is a static share: "per10k" must be false and "window" "today"');
      terms[spec.id] = { reference, per10k, window: windowKind };
    }
    domains[id] = { weight, curve: dc.curve === undefined ? curve : curveOf(dc.curve, `${key}.curve`), terms };
  }
  if (Math.abs(weightSum - 1) > 1e-6) {
    fail('domains.*.weight', `must sum to 1; they sum to ${Math.round(weightSum * 1e6) / 1e6} (${DOMAINS.map((id) => `${id} ${domains[id].weight}`).join(', ')})`);
  }

  // override rules
  const rulesJson = root.overrides ?? [];
  if (!Array.isArray(rulesJson)) fail('overrides', 'must be an array of rules');
  if ((rulesJson as unknown[]).length > MAX_RULES) fail('overrides', `may hold at most ${MAX_RULES} rules`);
  const ids = new Set<string>();
  const overrides = (rulesJson as unknown[]).map((r, i): OverrideRule => {
    const key = `overrides[${i}]`;
    const rule = obj(r, key);
    const id = typeof rule.id === 'string' && rule.id !== '' ? rule.id : fail(`${key}.id`, 'must be a non-empty string');
    if (ids.has(id)) fail(`${key}.id`, `"${id}" is used by another rule`);
    ids.add(id);
    const label = rule.label === undefined ? id : typeof rule.label === 'string' ? rule.label : fail(`${key}.label`, 'must be a string');
    const input = typeof rule.input === 'string' ? rule.input : fail(`${key}.input`, 'must name an input');
    if (!RULE_INPUTS.includes(input)) fail(`${key}.input`, `"${input}" is not an input (expected one of ${RULE_INPUTS.join(', ')})`);
    const rainstormDay = rule.rainstormDay === undefined ? false : typeof rule.rainstormDay === 'boolean' ? rule.rainstormDay : fail(`${key}.rainstormDay`, 'must be true or false');
    return {
      id,
      label,
      input,
      windowDays: num(rule.windowDays, `${key}.windowDays`, 1, 31, true),
      atLeast: num(rule.atLeast, `${key}.atLeast`, Number.MIN_VALUE, Number.MAX_VALUE),
      rainstormDay,
      minExposure: rule.minExposure === undefined || rule.minExposure === null ? null : num(rule.minExposure, `${key}.minExposure`, 0, 1),
      maxLevel: num(rule.maxLevel, `${key}.maxLevel`, 1, 4, true) as Level,
    };
  });

  return {
    version: 1,
    name,
    bands: bands as unknown as Bands,
    levelColors,
    indexDecimals,
    window,
    minPopulation,
    rainstormMm,
    curve,
    exposure,
    coverage,
    domains,
    overrides,
  };
}
