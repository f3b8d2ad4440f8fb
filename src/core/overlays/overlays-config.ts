/**
 * overlays-config.json → the overlay parameters (team reach, the "high risk, low coverage" list);
 * missing keys take {@link DEFAULT_OVERLAYS_CONFIG}'s values, a bad one is a DataError naming the key,
 * the value and what it must be.
 */
import { bilingual, DataError, isRecord, parseJson, shown } from '../data-error.ts';
import { DEFAULT_OVERLAYS_CONFIG, type OverlaysConfig } from './types.ts';

/** Smallest value of a key that must be above 0. */
const ABOVE_ZERO = 1e-9;

export function parseOverlaysConfig(text: string | unknown, file = 'overlays-config.json'): OverlaysConfig {
  const json = typeof text === 'string' ? parseJson(text, file) : text;
  if (!isRecord(json)) {
    throw new DataError(file, bilingual(`is ${shown(json)}, not overlay settings: expected a JSON object like {"responseMinutes": 30, "speedKmh": 30, …}`, `为 ${shown(json)}，不是图层参数：应为 JSON 对象，如 {"responseMinutes": 30, "speedKmh": 30, …}`));
  }
  const d = DEFAULT_OVERLAYS_CONFIG;
  const positive = (obj: Record<string, unknown>, key: string, fallback: number, min: number, path = key): number => {
    const v = obj[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
      const [en, zh] = min === ABOVE_ZERO ? ['greater than 0', '大于 0'] : [`≥ ${min}`, `不小于 ${min}`];
      throw new DataError(file, bilingual(`"${path}" must be a number ${en}, got ${shown(v)}`, `“${path}”应为数字（${zh}），实际为 ${shown(v)}`));
    }
    return v;
  };
  const h = json.highRiskLowCoverage ?? {};
  if (!isRecord(h)) {
    throw new DataError(file, bilingual(`"highRiskLowCoverage" must be an object ({ … }), got ${shown(h)}`, `“highRiskLowCoverage”应为对象（{ … }），实际为 ${shown(h)}`));
  }
  const config: OverlaysConfig = {
    version: 1,
    responseMinutes: positive(json, 'responseMinutes', d.responseMinutes, ABOVE_ZERO),
    speedKmh: positive(json, 'speedKmh', d.speedKmh, ABOVE_ZERO),
    detourFactor: positive(json, 'detourFactor', d.detourFactor, 1),
    terrainSlowdown: positive(json, 'terrainSlowdown', d.terrainSlowdown ?? 0, 0),
    highRiskLowCoverage: {
      coverageBelow: positive(h, 'coverageBelow', d.highRiskLowCoverage.coverageBelow, 0, 'highRiskLowCoverage.coverageBelow'),
      highShareAbove: positive(h, 'highShareAbove', d.highRiskLowCoverage.highShareAbove, 0, 'highRiskLowCoverage.highShareAbove'),
      heavyRainMm: positive(h, 'heavyRainMm', d.highRiskLowCoverage.heavyRainMm, 0, 'highRiskLowCoverage.heavyRainMm'),
      maxLevel: positive(h, 'maxLevel', d.highRiskLowCoverage.maxLevel, 0, 'highRiskLowCoverage.maxLevel'),
    },
  };
  for (const key of ['coverageBelow', 'highShareAbove'] as const) {
    const v = config.highRiskLowCoverage[key];
    if (v > 1) {
      throw new DataError(
        file,
        bilingual(`"highRiskLowCoverage.${key}" is a share: 0 … 1, got ${v} — write e.g. 0.5 for half`, `“highRiskLowCoverage.${key}”是占比，应在 0 … 1 之间，实际为 ${v}（一半写 0.5）`),
      );
    }
  }
  return config;
}
