import { describe, expect, it } from 'vitest';
import { indexOn, parseLevelsFile } from '../../src/core/levels-file.ts';

const good = { version: 1, dates: ['2026-11-23', '2026-11-24'], codes: ['990101001', '990102001'], index: [[91, null], [59.5, 80]] };
const text = (value: unknown): string => JSON.stringify(value);

describe('parseLevelsFile', () => {
  it('reads a valid file and gives the index of each township on a date', () => {
    const levels = parseLevelsFile(text(good), 'levels.json');
    expect([...indexOn(levels, '2026-11-23')]).toEqual([
      ['990101001', 91],
      ['990102001', null],
    ]);
    expect(indexOn(levels, '2026-11-24').get('990101001')).toBe(59.5);
    expect(indexOn(levels, '2030-01-01').get('990101001')).toBeNull();
  });

  it.each([
    ['not json', '{', /levels\.json: not valid JSON/],
    ['empty', '  ', /levels\.json: the file is empty/],
    ['wrong version', text({ ...good, version: 2 }), /"version" is 2; this app reads version 1 — publish the data again/],
    ['bad date', text({ ...good, dates: ['2026-11-23', '24/11/2026'] }), /dates\[1\] is "24\/11\/2026"/],
    ['dates out of order', text({ ...good, dates: ['2026-11-24', '2026-11-23'] }), /dates must be increasing; dates\[1\] 2026-11-23 follows 2026-11-24 — list each day once, oldest first · 日期必须递增/],
    ['duplicate code', text({ ...good, codes: ['990101001', '990101001'] }), /duplicate township code 990101001/],
    ['short row', text({ ...good, index: [[91], [59.5, 80]] }), /index\[0\] \(2026-11-23\) must have one value per code \(2\); it has 1 · index\[0\]（2026-11-23）应每个乡镇一个值/],
    ['out of range', text({ ...good, index: [[91, 120], [59.5, 80]] }), /on 2026-11-23 for 990102001 is 120 — it must be a number from 0 to 100, or null for no value · 乡镇 990102001 在 2026-11-23 的指数为 120/],
  ])('rejects %s, naming the file and the problem', (_, body, message) => {
    expect(() => parseLevelsFile(body, 'levels.json')).toThrow(message);
  });

  it('rejects codes that are not in the boundaries', () => {
    expect(() => parseLevelsFile(text(good), 'levels.json', new Set(['990101001']))).toThrow(
      /levels\.json: unknown township code 990102001/,
    );
  });
});
