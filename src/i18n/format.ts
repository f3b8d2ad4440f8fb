/**
 * Numbers, dates and times per locale: a Chinese screen shows "19:32:10", never "7:32:10 PM".
 * Formatters are cached per locale and option set: a clock formats every second for weeks.
 */
import { INTL_LOCALE, type Locale } from './messages.ts';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: 'n' | 'd', locale: Locale, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

export function formatNumber(locale: Locale, value: number, decimals = 0): string {
  const options = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return formatter('n', locale, options, () => new Intl.NumberFormat(INTL_LOCALE[locale], options)).format(value);
}

/** A signed change: "+3", "−1.5", "±0". */
export function formatChange(locale: Locale, value: number, decimals = 0): string {
  if (value === 0) return '±0';
  const text = formatNumber(locale, Math.abs(value), decimals);
  return value > 0 ? `+${text}` : `−${text}`;
}

/** 24-hour clock time, with seconds when asked. */
export function formatTime(locale: Locale, at: Date | number, seconds = false): string {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(seconds ? { second: '2-digit' } : {}) };
  return formatter('d', locale, options, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], options)).format(at);
}

/** A calendar date: "2026年11月24日" / "24 Nov 2026". */
export function formatDate(locale: Locale, at: Date | number | string): string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: locale === 'zh' ? 'long' : 'short', day: 'numeric', ...(typeof at === 'string' ? { timeZone: 'UTC' } : {}) };
  const value = typeof at === 'string' ? Date.parse(`${at}T00:00:00Z`) : at;
  return formatter('d', locale, options, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], options)).format(value);
}

/** Date and time: "11月25日 06:00" / "25 Nov 06:00". */
export function formatDateTime(locale: Locale, at: Date | number): string {
  const options: Intl.DateTimeFormatOptions = { month: locale === 'zh' ? 'long' : 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return formatter('d', locale, options, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], options)).format(at);
}

/** A calendar day with its weekday: "2026年11月24日周二" / "Tue, 24 Nov 2026". */
export function formatDayWithWeekday(locale: Locale, day: string): string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: locale === 'zh' ? 'long' : 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' };
  return formatter('d', locale, options, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], options)).format(Date.parse(`${day}T00:00:00Z`));
}

/** Items of a short list, with the language's separator: "a、b" / "a, b". */
export function joinList(locale: Locale, items: readonly string[]): string {
  return items.join(locale === 'zh' ? '、' : ', ');
}
