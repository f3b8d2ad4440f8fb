/**
 * Text that arrives in both languages joined by " · " (the house style of every data-file problem,
 * `bilingual()` in core/data-error.ts, and of rule labels in index-config.json, which put Chinese
 * first): the half for the screen's language. Which half is which is told by its share of CJK
 * characters, not by position, so either order works; English halves may quote a Chinese name.
 * Text of any other shape is returned as is.
 */
import type { Locale } from './messages.ts';

const SEPARATOR = ' · ';
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
/** DataErrorList's suffix, itself bilingual: "(+3 more · 另有 3 处)". */
const MORE = /\s*\(\+(\d+) more · 另有 \d+ 处\)$/;

function cjkShare(text: string): number {
  const letters = text.replace(/[\s\d\p{P}\p{S}]/gu, '').length;
  return letters === 0 ? 0 : (text.match(CJK)?.length ?? 0) / letters;
}

/** A data-file message's own "file.ext: " at its start (a DataError names its file so). */
const FILE_PREFIX = /^[^\s:：]+\.[A-Za-z0-9]+: /;

/**
 * One half of a two-part text; `prefix` (a file name "levels.json: "), or the file name the text
 * starts with, is kept before either half — a message must never lose the file it is about.
 */
export function inLocale(text: string, locale: Locale, prefix = ''): string {
  const head = prefix && text.startsWith(prefix) ? prefix : (FILE_PREFIX.exec(text)?.[0] ?? '');
  let body = text.slice(head.length);
  const more = MORE.exec(body);
  if (more) body = body.slice(0, more.index);
  const parts = body.split(SEPARATOR);
  if (parts.length !== 2) return text;
  const [a, b] = parts as [string, string];
  const zhFirst = cjkShare(a) > cjkShare(b);
  // Both halves equally Chinese (or neither): not a translation pair, shown whole.
  if (cjkShare(a) === cjkShare(b)) return text;
  const zh = zhFirst ? a : b;
  const en = zhFirst ? b : a;
  const suffix = more ? (locale === 'zh' ? `（另有 ${more[1]} 处）` : ` (+${more[1]} more)`) : '';
  return `${head}${locale === 'zh' ? zh : en}${suffix}`;
}
