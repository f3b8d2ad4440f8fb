/**
 * Two locales as typed dictionaries: with two languages and a static app, a dictionary per language
 * keyed by the Chinese one gives compile-time checks of every key and parameter, and costs a few
 * kilobytes — no runtime library, no message compiler, no network.
 */
import { zh } from './zh.ts';
import { en } from './en.ts';
import type { Locale, Messages } from './types.ts';

export type { Locale, MessageKey, Messages } from './types.ts';
export const LOCALES: readonly Locale[] = ['zh', 'en'];

export const MESSAGES: Readonly<Record<Locale, Messages>> = { zh, en };

/** BCP 47 tag for Intl formatting. */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { zh: 'zh-CN', en: 'en-GB' };

export function isLocale(value: unknown): value is Locale {
  return value === 'zh' || value === 'en';
}

/**
 * Each language's own name, shown in that language whatever the screen's (a reader stuck in the
 * other one must still find theirs); marked up with its `lang`.
 */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { zh: '中文', en: 'English' };
