import { describe, expect, it } from 'vitest';
import { searchTownships } from '../../src/core/township-search.ts';

const ITEMS = [
  { code: '331102001', name: '紫金街道', countyName: '莲都区' },
  { code: '331102100', name: '碧湖镇', countyName: '莲都区' },
  { code: '331121100', name: '鹤城街道', countyName: '青田县' },
  { code: '331121200', name: '湖边乡', countyName: '青田县' },
];

describe('searchTownships', () => {
  it('finds a township by its whole code, or by the digits it starts with', () => {
    expect(searchTownships(ITEMS, '331121200').map((t) => t.name)).toEqual(['湖边乡']);
    expect(searchTownships(ITEMS, '3311211').map((t) => t.name)).toEqual(['鹤城街道']);
    expect(searchTownships(ITEMS, '331102').map((t) => t.code)).toEqual(['331102001', '331102100']);
  });

  it('ranks a name that starts with the query before one that only contains it, and counties last', () => {
    expect(searchTownships(ITEMS, '湖').map((t) => t.name)).toEqual(['湖边乡', '碧湖镇']);
    expect(searchTownships(ITEMS, '青田').map((t) => t.name)).toEqual(['鹤城街道', '湖边乡']);
  });

  it('matches nothing for an empty query or an unknown one, and caps the list', () => {
    expect(searchTownships(ITEMS, '  ')).toEqual([]);
    expect(searchTownships(ITEMS, '上海')).toEqual([]);
    expect(searchTownships(ITEMS, '街道', 1)).toHaveLength(1);
  });
});
