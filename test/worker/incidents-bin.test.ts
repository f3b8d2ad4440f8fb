import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/data-error.ts';
import { decodeIncidents, encodeIncidents, INCIDENTS_BIN_HEADER_BYTES, isIncidentsBin } from '../../src/core/incidents/incidents-bin.ts';
import { fileBytes, seededPoints } from './helpers.ts';

const example = (): ArrayBuffer =>
  encodeIncidents({
    coords: new Float64Array([119.9, 28.45, 120.1, 28.5]),
    types: new Uint8Array([3, 6]),
    days: new Uint16Array([0, 2]),
    startDay: '2026-11-01',
  });

describe('incidents.bin', () => {
  it('encodes the documented example byte for byte', () => {
    const buf = example();
    expect(buf.byteLength).toBe(86);
    const b = new Uint8Array(buf);
    expect([...b.subarray(0, 16)]).toEqual([0x46, 0x43, 0x53, 0x49, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0]);
    expect(new TextDecoder().decode(b.subarray(16, 26))).toBe('2026-11-01');
    expect([...b.subarray(26, 32)]).toEqual([0, 0, 0, 0, 0, 0]);
    expect([...new Float64Array(buf.slice(32, 64))]).toEqual([119.9, 28.45, 120.1, 28.5]);
    expect([...b.subarray(64, 80)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    expect([...b.subarray(80, 86)]).toEqual([0, 0, 2, 0, 3, 6]);
    const d = decodeIncidents(buf, 'example.bin');
    expect([...d.coords]).toEqual([119.9, 28.45, 120.1, 28.5]);
    expect(d).toMatchObject({ count: 2, startDay: '2026-11-01', dayCount: 3, bbox: [119.9, 28.45, 120.1, 28.5] });
  });

  it('round-trips seeded incidents (types and days exact, coordinates within 1e-9°)', () => {
    const { coords, types, days } = seededPoints(50_000, 5);
    const buf = encodeIncidents({ coords, types, days, startDay: '2025-12-31', dayCount: 365 });
    expect(buf.byteLength).toBe(INCIDENTS_BIN_HEADER_BYTES + 11 * 50_000);
    expect(isIncidentsBin(buf)).toBe(true);
    const d = decodeIncidents(buf, 'history.bin');
    expect(d.count).toBe(50_000);
    expect(d.startDay).toBe('2025-12-31');
    expect(d.dayCount).toBe(365);
    expect(d.types).toEqual(types);
    expect(d.days).toEqual(days);
    let worst = 0;
    for (let i = 0; i < coords.length; i++) worst = Math.max(worst, Math.abs(d.coords[i]! - coords[i]!));
    expect(worst).toBeLessThan(1e-9);
    // Decoding the same bytes at an unaligned offset inside a larger buffer gives the same result.
    const shifted = new Uint8Array(buf.byteLength + 3);
    shifted.set(new Uint8Array(buf), 3);
    expect(decodeIncidents(shifted.subarray(3), 'history.bin').coords).toEqual(d.coords);
  });

  it('round-trips an empty history and a single point', () => {
    const empty = decodeIncidents(encodeIncidents({ coords: new Float64Array(0), types: new Uint8Array(0), days: new Uint16Array(0), startDay: '2026-01-01' }), 'e.bin');
    expect(empty.count).toBe(0);
    expect(empty.coords.length).toBe(0);
    const one = decodeIncidents(encodeIncidents({ coords: new Float64Array([120.5, 28.25]), types: new Uint8Array([0]), days: new Uint16Array([4]), startDay: '2026-01-01' }), 'o.bin');
    expect([...one.coords]).toEqual([120.5, 28.25]);
    expect(one.dayCount).toBe(5);
  });

  it('rejects a truncated file, naming the file', () => {
    const buf = example();
    expect(() => decodeIncidents(buf.slice(0, 85), 'history.bin')).toThrow(DataError);
    expect(() => decodeIncidents(buf.slice(0, 85), 'history.bin')).toThrow('history.bin: truncated: the header says 2 incidents (86 bytes), the file has 85 bytes');
    expect(() => decodeIncidents(buf.slice(0, 40), 'history.bin')).toThrow('history.bin: truncated: the header needs 64 bytes, the file has 40');
  });

  it('rejects bad magic, a wrong version, trailing bytes and out-of-range columns', () => {
    expect(() => decodeIncidents(fileBytes('test/fixtures/worker/bad-magic.bin'), 'bad-magic.bin')).toThrow(
      'bad-magic.bin: not an incidents.bin file (it starts with 6e 6f 74 20, not "FCSI") — write it again with the publish or join tool (npm run publish / npm run join) · 不是 incidents.bin 文件（开头为 6e 6f 74 20，应为 "FCSI"）',
    );
    expect(() => decodeIncidents(new ArrayBuffer(0), 'zero.bin')).toThrow('zero.bin: not an incidents.bin file (it is empty) — ');

    const version = new Uint8Array(example());
    version[4] = 9;
    expect(() => decodeIncidents(version, 'v.bin')).toThrow('v.bin: incidents.bin version 9 is not supported (expected 1)');

    const longer = new Uint8Array(90);
    longer.set(new Uint8Array(example()));
    expect(() => decodeIncidents(longer, 'long.bin')).toThrow('long.bin: counts mismatch: the header says 2 incidents (86 bytes), the file has 90 bytes');

    const day = new Uint8Array(example());
    day[82] = 7; // second incident's day → 7, but dayCount is 3
    expect(() => decodeIncidents(day, 'day.bin')).toThrow('day.bin: counts mismatch: incident 1 is on day 7, the header says 3 days');

    const type = new Uint8Array(example());
    type[85] = 12;
    expect(() => decodeIncidents(type, 'type.bin')).toThrow('type.bin: incident 1 has type 12, expected 0 … 6');

    const date = new Uint8Array(example());
    date[21] = 0x32; // 2026-21-01
    expect(() => decodeIncidents(date, 'date.bin')).toThrow('date.bin: bad header: startDay "2026-21-01" is not a YYYY-MM-DD date');
  });

  it('refuses to encode inconsistent columns', () => {
    const base = { coords: new Float64Array([120, 28]), types: new Uint8Array([1]), days: new Uint16Array([0]), startDay: '2026-11-01' };
    expect(() => encodeIncidents({ ...base, types: new Uint8Array(2) })).toThrow(/2 types for 1 incidents/);
    expect(() => encodeIncidents({ ...base, startDay: '1 Nov 2026' })).toThrow(/not a YYYY-MM-DD date/);
    expect(() => encodeIncidents({ ...base, days: new Uint16Array([3]), dayCount: 2 })).toThrow(/day 3 ≥ dayCount 2/);
    expect(() => encodeIncidents({ ...base, coords: new Float64Array([28, 200]) })).toThrow(/outside lon\/lat ranges/);
    expect(() => encodeIncidents({ ...base, types: new Uint8Array([7]) })).toThrow(/type 7/);
  });
});
