import { describe, expect, it } from 'vitest';
import {
  parseCoverage,
  parseHazardSites,
  parseHazardSitesLenient,
  parseHazardZones,
  parseHazardZonesLenient,
  parseOverlaysConfig,
  parseTeams,
  parseTeamsLenient,
} from '../../src/core/overlays/parse-overlays.ts';
import { DEFAULT_OVERLAYS_CONFIG } from '../../src/core/overlays/types.ts';

const ring = [[120, 28], [120.1, 28], [120.1, 28.1], [120, 28]];
const zone = (cls: unknown, coordinates: unknown = [ring]) => ({ type: 'Feature', properties: { class: cls }, geometry: { type: 'Polygon', coordinates } });
const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const site = (over: Record<string, unknown> = {}, coordinates: unknown = [120, 28]) => ({
  type: 'Feature',
  properties: { id: 'S1', name: '紫金街道滑坡点1', type: 'landslide', threat: 12, status: 'active', township: '331102001', ...over },
  geometry: { type: 'Point', coordinates },
});
const team = (over: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties: { id: 'T1', name: '紫金街道应急救援队', level: 'township', township: '331102001', members: 20, equipment: ['无人机'], onDuty: true, ...over },
  geometry: { type: 'Point', coordinates: [120, 28] },
});

describe('overlay parsers', () => {
  it('accept valid files', () => {
    expect(parseHazardZones(fc(zone('high'), zone('low'))).features).toHaveLength(2);
    expect(parseHazardSites(fc(site())).features[0]!.properties.threat).toBe(12);
    expect(parseTeams(fc(team())).features[0]!.properties.equipment).toEqual(['无人机']);
    expect(parseCoverage(fc(zone('covered'), { ...zone('team'), properties: { class: 'team', team: 'T1', radiusKm: 10 } })).features).toHaveLength(2);
  });

  it('name the file, the feature index and the problem', () => {
    expect(() => parseHazardZones(fc(zone('high'), zone('extreme')), 'zones.geojson')).toThrow(/^zones\.geojson: feature #1 has unknown class "extreme"/);
    expect(() => parseHazardZones(fc(zone('high', [[[120, 28], [120.1, 28], [120, 28]]])), 'z.json')).toThrow(/z\.json: feature #0 has a ring with 3 positions/);
    expect(() => parseHazardZones(fc(zone('high', [[[120, 28], [120.1, 28], [120.1, 28.1], [120, 28.2]]])))).toThrow(/hazard-zones\.geojson: feature #0 has a ring that is not closed/);
    expect(() => parseHazardZones(fc({ type: 'Feature', properties: { class: 'high' }, geometry: { type: 'Point', coordinates: [1, 2] } }))).toThrow(/feature #0 has geometry type Point, expected Polygon or MultiPolygon/);
    expect(() => parseHazardSites(fc(site(), site({ id: 'S2', threat: undefined })), 'sites.geojson')).toThrow(/^sites\.geojson: feature #1 \("紫金街道滑坡点1"\) has no "threat" \(expected a number ≥ 0\) — fill it in · 要素 #1（“紫金街道滑坡点1”）缺少“threat”/);
    expect(() => parseHazardSites(fc(site({ type: 'flood' })))).toThrow(/feature #0 \("紫金街道滑坡点1"\) has unknown type "flood", expected one of "landslide", .* · 要素 #0（“紫金街道滑坡点1”）的“type”值“flood”无效/);
    expect(() => parseHazardSites(fc(site({}, [28, 120])))).toThrow(/feature #0 \("紫金街道滑坡点1"\) has latitude 120: coordinates look like \[lat, lon\]/);
    expect(() => parseHazardSites(fc(site(), site()))).toThrow(/feature #1 \("紫金街道滑坡点1"\) has duplicate id "S1" \(feature #0 has it too\)/);
    expect(() => parseTeams(fc(team({ name: undefined })), 'teams.geojson')).toThrow(/^teams\.geojson: feature #0 has no "name"/);
    expect(() => parseTeams(fc(team({ level: 'city' })))).toThrow(/feature #0 \("紫金街道应急救援队"\) has unknown level "city"/);
    expect(() => parseTeams(fc(team({ onDuty: 'yes' })))).toThrow(/feature #0 \("紫金街道应急救援队"\) has "onDuty" "yes", expected true or false · 要素 #0（“紫金街道应急救援队”）的“onDuty”为 "yes"，应为 true 或 false$/);
    expect(() => parseTeams('{"type":"Topology"}', 'teams.geojson')).toThrow(/^teams\.geojson: not a GeoJSON FeatureCollection/);
    expect(() => parseTeams('{', 'teams.geojson')).toThrow(/^teams\.geojson: not valid JSON/);
  });

  it('lenient variants skip bad features and list them, so the rest still shows', () => {
    const z = parseHazardZonesLenient(fc(zone('high'), zone('extreme'), null, zone('low')), 'zones.geojson');
    expect(z.features.map((f) => f.properties.class)).toEqual(['high', 'low']);
    expect(z.problems).toEqual([
      'zones.geojson: feature #1 has unknown class "extreme", expected one of "high", "medium", "low" · 要素 #1 的“class”值“extreme”无效，应为 "high", "medium", "low" 之一',
      'zones.geojson: feature #2 is null, not a GeoJSON Feature — remove it, or export the layer again · 要素 #2 为 null，不是 GeoJSON Feature，请删除或重新导出图层',
    ]);
    const s = parseHazardSitesLenient(fc(site(), site({ id: 'S2', status: 'gone' }), site({ id: 'S3' })));
    expect(s.features.map((f) => f.properties.id)).toEqual(['S1', 'S3']);
    expect(s.problems[0]).toMatch(/^hazard-sites\.geojson: feature #1 \("紫金街道滑坡点1"\) has unknown status "gone"/);
    const t = parseTeamsLenient(fc(team(), team()));
    expect(t.features).toHaveLength(1);
    expect(t.problems).toEqual(['teams.geojson: feature #1 ("紫金街道应急救援队") has duplicate id "T1" (feature #0 has it too) — give every feature its own id · 要素 #1（“紫金街道应急救援队”）的 id“T1”与要素 #0 重复，每个要素的 id 必须不同']);
  });

  it('config: defaults for missing keys, errors for bad values', () => {
    expect(parseOverlaysConfig('{}')).toEqual(DEFAULT_OVERLAYS_CONFIG);
    expect(parseOverlaysConfig('{"responseMinutes": 20}').responseMinutes).toBe(20);
    expect(() => parseOverlaysConfig('{"speedKmh": -1}')).toThrow(/^overlays-config\.json: "speedKmh" must be a number greater than 0, got -1 · “speedKmh”应为数字（大于 0），实际为 -1$/);
    expect(() => parseOverlaysConfig('{"highRiskLowCoverage": {"coverageBelow": 2}}')).toThrow(/"highRiskLowCoverage\.coverageBelow" is a share: 0 … 1, got 2 — write e\.g\. 0\.5 for half · “highRiskLowCoverage\.coverageBelow”是占比/);
  });
});
