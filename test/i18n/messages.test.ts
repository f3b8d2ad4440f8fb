import { describe, expect, it } from 'vitest';
import { MESSAGES, LOCALES } from '../../src/i18n/messages.ts';
import { formatChange, formatDate, formatTime } from '../../src/i18n/format.ts';

describe('messages', () => {
  it('has every key in both languages, of the same kind', () => {
    const keys = (l: (typeof LOCALES)[number]): string[] => Object.keys(MESSAGES[l]).sort();
    expect(keys('en')).toEqual(keys('zh'));
    for (const key of keys('zh')) {
      const zh = MESSAGES.zh[key as keyof (typeof MESSAGES)['zh']];
      const en = MESSAGES.en[key as keyof (typeof MESSAGES)['en']];
      expect(typeof en, key).toBe(typeof zh);
      if (typeof zh === 'function') expect((en as (...a: unknown[]) => string).length, key).toBe(zh.length);
    }
  });

  it('keeps Chinese out of the English dictionary and English words out of the Chinese one', () => {
    const sample = (f: unknown): string => (typeof f === 'function' ? String((f as (...a: unknown[]) => string)(3, 3)) : String(f));
    for (const [key, value] of Object.entries(MESSAGES.en)) expect(sample(value), key).not.toMatch(/[\u4e00-\u9fff]/);
    for (const [key, value] of Object.entries(MESSAGES.zh)) expect(sample(value), key).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('formatting per locale', () => {
  const at = Date.UTC(2026, 10, 24, 11, 32, 10);
  it('writes a 24-hour clock in both languages', () => {
    expect(formatTime('zh', at, true)).toMatch(/^\d{2}:32:10$/);
    expect(formatTime('en', at, true)).toMatch(/^\d{2}:32:10$/);
    expect(formatTime('en', at, true)).not.toMatch(/[AP]M/);
  });

  it('writes dates the way each language reads them', () => {
    expect(formatDate('zh', '2026-11-24')).toBe('2026年11月24日');
    expect(formatDate('en', '2026-11-24')).toBe('24 Nov 2026');
    expect(formatChange('en', 2.5, 1)).toBe('+2.5');
    expect(formatChange('zh', -3)).toBe('−3');
    expect(formatChange('zh', 0)).toBe('±0');
  });
});
