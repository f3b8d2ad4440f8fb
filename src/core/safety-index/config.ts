/**
 * # index-config.json — every parameter of the safety index in one file a city can edit
 *
 * Validated by {@link validateIndexConfig}: any problem is a {@link DataError} whose message names
 * the file and the key (`index-config.json: "domains.geological.weight": …`), so the app can show
 * it and keep its last good config. The format, with the default values, is documented in
 * data/FORMATS.md ("index-config.json"); the default file is public/data/index-config.json.
 */
import { bilingual, DataError, isRecord, parseJson, shown } from '../data-error.ts';
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
  /** `"key" …` in both languages: `en` and `zh` say what is wrong and what to write. */
  const fail = (key: string, en: string, zh: string): never => {
    throw new DataError(file, bilingual(`"${key}" ${en}`, `“${key}”${zh}`));
  };
  const missing = (key: string): never => fail(key, 'is missing — add it (data/FORMATS.md, "index-config.json", has every key with its default)', '缺失，请补上（data/FORMATS.md 的“index-config.json”一节列有每个键及其默认值）');
  /** A range as a message says it; MIN_VALUE … MAX_VALUE is "greater than 0". */
  const range = (min: number, max: number): [string, string] =>
    max === Number.MAX_VALUE ? (min === Number.MIN_VALUE ? ['greater than 0', '大于 0'] : [`at least ${min}`, `不小于 ${min}`]) : [`within ${min} … ${max}`, `在 ${min} … ${max} 之间`];
  const num = (v: unknown, key: string, min: number, max: number, integer = false): number => {
    if (v === undefined) missing(key);
    const [en, zh] = range(min, max);
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(key, `must be a number ${en}, got ${shown(v)}`, `应为数字（${zh}），实际为 ${shown(v)}`);
    const n = v as number;
    if (integer && !Number.isInteger(n)) fail(key, `must be an integer, got ${n} — write a whole number ${en}`, `应为整数（${zh}），实际为 ${n}`);
    if (n < min || n > max) fail(key, `must be ${en}, got ${n}`, `应${zh}，实际为 ${n}`);
    return n;
  };
  const obj = (v: unknown, key: string): Record<string, unknown> => {
    if (v === undefined) missing(key);
    if (!isRecord(v)) fail(key, `must be an object ({ … }), got ${shown(v)}`, `应为对象（{ … }），实际为 ${shown(v)}`);
    return v as Record<string, unknown>;
  };
  const curveOf = (v: unknown, key: string): Curve => {
    if (!Array.isArray(v) || v.length < 2) {
      return fail(key, `must be an array of at least two [load, risk] points, like [[0, 0], [1, 50], [3, 100]]; got ${shown(v)}`, `应为至少两个 [负荷, 风险] 点的数组，如 [[0, 0], [1, 50], [3, 100]]，实际为 ${shown(v)}`);
    }
    const points = (v as unknown[]).map((p, i) => {
      if (!Array.isArray(p) || p.length !== 2) fail(`${key}[${i}]`, `must be a [load, risk] pair, got ${shown(p)}`, `应为 [负荷, 风险] 数对，实际为 ${shown(p)}`);
      const [x, y] = p as unknown[];
      return [num(x, `${key}[${i}][0]`, 0, Number.MAX_VALUE), num(y, `${key}[${i}][1]`, 0, 100)] as const;
    });
    for (let i = 1; i < points.length; i++) {
      const [x, y] = points[i]!;
      const [px, py] = points[i - 1]!;
      if (!(x > px)) fail(`${key}[${i}]`, `load ${x} must be greater than the previous point's ${px} — list the points by increasing load`, `负荷 ${x} 必须大于前一个点的 ${px}，请按负荷从小到大排列各点`);
      if (y < py) fail(`${key}[${i}]`, `risk ${y} must not be below the previous point's ${py} (risk may not fall as the load rises)`, `风险 ${y} 不能低于前一个点的 ${py}（负荷增大时风险不能下降）`);
    }
    return points;
  };

  if (!isRecord(json)) {
    throw new DataError(file, bilingual(`is ${shown(json)}, not an index config: expected a JSON object like {"version": 1, "bands": [60, 70, 80, 90], …}`, `为 ${shown(json)}，不是指数配置：应为 JSON 对象，如 {"version": 1, "bands": [60, 70, 80, 90], …}`));
  }
  const root = json;
  if (root.version !== 1) fail('version', `must be 1, got ${shown(root.version)}`, `应为 1，实际为 ${shown(root.version, '缺失')}`);
  const name = root.name === undefined ? '' : typeof root.name === 'string' ? root.name : fail('name', `must be a text, got ${shown(root.name)}`, `应为文本，实际为 ${shown(root.name)}`);

  // bands: four increasing lower bounds of levels 2 … 5
  if (!Array.isArray(root.bands) || root.bands.length !== 4) {
    fail('bands', `must be 4 numbers: the lower bounds of orange, yellow, blue and green, like [60, 70, 80, 90]; got ${shown(root.bands)}`, `应为 4 个数：橙、黄、蓝、绿四级的下限，如 [60, 70, 80, 90]；实际为 ${shown(root.bands, '缺失')}`);
  }
  const bands = (root.bands as unknown[]).map((b, i) => num(b, `bands[${i}]`, 0, 100));
  for (let i = 1; i < 4; i++) {
    if (!(bands[i]! > bands[i - 1]!)) {
      fail(`bands[${i}]`, `(${bands[i]}) must be greater than bands[${i - 1}] (${bands[i - 1]}): bands may not overlap or be unsorted`, `（${bands[i]}）必须大于 bands[${i - 1}]（${bands[i - 1]}）：各级下限不能重叠或颠倒`);
    }
  }

  let levelColors: string[] | null = null;
  if (root.levelColors !== undefined && root.levelColors !== null) {
    if (!Array.isArray(root.levelColors) || root.levelColors.length !== 5) {
      fail('levelColors', `must be 5 colors, level 1 (red) … 5 (green), like ["#bc1113", …]; got ${shown(root.levelColors)}`, `应为 5 个颜色，依次为 1 级（红）至 5 级（绿），如 ["#bc1113", …]；实际为 ${shown(root.levelColors)}`);
    }
    levelColors = (root.levelColors as unknown[]).map((c, i) =>
      typeof c === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(c)
        ? c
        : fail(`levelColors[${i}]`, `must be a #rgb or #rrggbb color, got ${shown(c)} — write it like "#bc1113"`, `应为 #rgb 或 #rrggbb 形式的颜色，实际为 ${shown(c)}，请写成 "#bc1113" 这样`),
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
    if (!(DOMAINS as readonly string[]).includes(key)) fail(`domains.${key}`, `is not a domain (expected ${DOMAINS.join(', ')})`, `不是可用的领域（领域只有 ${DOMAINS.join('、')}）`);
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
        const expected = specs.map((s) => s.id);
        if (elsewhere) fail(`${key}.terms.${t}`, `belongs to domain ${elsewhere.domain}, not ${id} — move it under "domains.${elsewhere.domain}.terms"`, `属于领域 ${elsewhere.domain}，不属于 ${id}，请移到“domains.${elsewhere.domain}.terms”下`);
        fail(`${key}.terms.${t}`, `is not an input of ${id} (expected ${expected.join(', ')})`, `不是 ${id} 的输入项（其输入项为 ${expected.join('、')}）`);
      }
    }
    const terms: Record<string, TermConfig> = {};
    for (const spec of specs) {
      const tk = `${key}.terms.${spec.id}`;
      const tc = termsJson[spec.id];
      if (tc === undefined) fail(tk, 'is missing (each input needs a "reference") — add {"reference": …}', '缺失（每个输入项都需要“reference”），请补上 {"reference": …}');
      const t = obj(tc, tk);
      const reference = num(t.reference, `${tk}.reference`, Number.MIN_VALUE, Number.MAX_VALUE);
      const staticShare = spec.source === 'uncovered';
      const per10k = t.per10k === undefined ? false : typeof t.per10k === 'boolean' ? t.per10k : fail(`${tk}.per10k`, `must be true or false, got ${shown(t.per10k)}`, `应为 true 或 false，实际为 ${shown(t.per10k)}`);
      const windowKind =
        t.window === undefined ? 'today' : t.window === 'decayed' || t.window === 'today' ? t.window : fail(`${tk}.window`, `must be "decayed" or "today", got ${shown(t.window)}`, `应为 "decayed" 或 "today"，实际为 ${shown(t.window)}`);
      if (staticShare && (per10k || windowKind !== 'today')) fail(tk, 'is a static share: "per10k" must be false and "window" "today"', '是静态占比：“per10k”必须为 false，“window”必须为 "today"');
      terms[spec.id] = { reference, per10k, window: windowKind };
    }
    domains[id] = { weight, curve: dc.curve === undefined ? curve : curveOf(dc.curve, `${key}.curve`), terms };
  }
  if (Math.abs(weightSum - 1) > 1e-6) {
    const sum = Math.round(weightSum * 1e6) / 1e6;
    const list = DOMAINS.map((id) => `${id} ${domains[id].weight}`);
    fail('domains.*.weight', `must sum to 1; they sum to ${sum} (${list.join(', ')}) — change the weights so they add up to 1`, `之和必须为 1，当前为 ${sum}（${list.join('、')}），请调整各权重使其和为 1`);
  }

  // override rules
  const rulesJson = root.overrides ?? [];
  if (!Array.isArray(rulesJson)) fail('overrides', `must be an array of rules ([ … ]), got ${shown(rulesJson)}`, `应为规则数组（[ … ]），实际为 ${shown(rulesJson)}`);
  const ruleCount = (rulesJson as unknown[]).length;
  if (ruleCount > MAX_RULES) fail('overrides', `may hold at most ${MAX_RULES} rules; it has ${ruleCount}`, `最多 ${MAX_RULES} 条规则，当前有 ${ruleCount} 条`);
  const ids = new Set<string>();
  const overrides = (rulesJson as unknown[]).map((r, i): OverrideRule => {
    const key = `overrides[${i}]`;
    const rule = obj(r, key);
    const id = typeof rule.id === 'string' && rule.id !== '' ? rule.id : fail(`${key}.id`, `must be a non-empty text, like "fatal_incident"; got ${shown(rule.id)}`, `应为非空文本，如 "fatal_incident"；实际为 ${shown(rule.id, '缺失')}`);
    if (ids.has(id)) fail(`${key}.id`, `"${id}" is used by another rule — give every rule its own id`, `的值“${id}”已被另一条规则使用，每条规则的 id 必须不同`);
    ids.add(id);
    const label = rule.label === undefined ? id : typeof rule.label === 'string' ? rule.label : fail(`${key}.label`, `must be a text, got ${shown(rule.label)}`, `应为文本，实际为 ${shown(rule.label)}`);
    const input = typeof rule.input === 'string' ? rule.input : fail(`${key}.input`, `must name an input (one of ${RULE_INPUTS.join(', ')}); got ${shown(rule.input)}`, `应为输入项名称（${RULE_INPUTS.join('、')} 之一），实际为 ${shown(rule.input, '缺失')}`);
    if (!RULE_INPUTS.includes(input)) fail(`${key}.input`, `"${input}" is not an input (expected one of ${RULE_INPUTS.join(', ')})`, `的值“${input}”不是可用的输入项（应为 ${RULE_INPUTS.join('、')} 之一）`);
    const rainstormDay =
      rule.rainstormDay === undefined ? false : typeof rule.rainstormDay === 'boolean' ? rule.rainstormDay : fail(`${key}.rainstormDay`, `must be true or false, got ${shown(rule.rainstormDay)}`, `应为 true 或 false，实际为 ${shown(rule.rainstormDay)}`);
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
