/**
 * The words for a freshness assessment, shared by the status on screen and the document title so
 * the two never disagree. Operator language only: what is wrong and since when, never how to fix
 * the pipeline (that goes to the console).
 */
import type { Freshness } from '../core/freshness.ts';
import { formatDateTime, formatTime } from './format.ts';
import { MESSAGES, type Locale } from './messages.ts';

export interface FreshnessFacts {
  readonly freshness: Freshness;
  readonly attempted: boolean;
  readonly latestDate: string | null;
  readonly asOf: string | null;
  readonly lastSuccess: number | null;
}

export interface FreshnessWords {
  /** The one line that must be read from across the room. */
  readonly headline: string;
  /**
   * On a Chinese screen, the same in English while something is wrong (the wall's headings carry
   * their English too, for the visitors in the room); null otherwise: an English screen shows English only.
   */
  readonly translation: string | null;
  /** Smaller facts: the data date, its "as of" time, the last update while fetches fail. */
  readonly details: readonly string[];
}

function headline(locale: Locale, facts: FreshnessFacts): string {
  const t = MESSAGES[locale];
  const f = facts.freshness;
  if (f.health === 'error') return facts.attempted ? t['freshness.noData'] : t['freshness.loading'];
  if (f.health === 'offline') return t['freshness.offline'](f.sinceSuccessMinutes ?? 0);
  if (f.health === 'stale' || f.severity !== 'none') return t['freshness.age'](f.dataAgeDays ?? 0);
  return t['freshness.ok'];
}

export function describeFreshness(locale: Locale, facts: FreshnessFacts): FreshnessWords {
  const t = MESSAGES[locale];
  const f = facts.freshness;
  const other: Locale = locale === 'zh' ? 'en' : 'zh';
  const loading = f.health === 'error' && !facts.attempted;
  const details: string[] = [];
  // Offline and stale at once: the headline says the fetches fail, this line how old the data is.
  if (f.health === 'offline' && f.dataAgeDays !== null && f.dataAgeDays > 0) details.push(t['freshness.age'](f.dataAgeDays));
  if (facts.latestDate) details.push(t['freshness.dataDate'](facts.latestDate));
  if (facts.asOf) details.push(t['freshness.asOf'](formatDateTime(locale, Date.parse(facts.asOf))));
  if (f.health !== 'ok' && facts.lastSuccess !== null) details.push(t['freshness.lastUpdate'](formatTime(locale, facts.lastSuccess)));
  return {
    headline: headline(locale, facts),
    translation: f.severity === 'none' || loading || locale !== 'zh' ? null : headline(other, facts),
    details,
  };
}

/** The document title: the app's name, led by the warning while data is stale, offline or missing. */
export function freshnessTitle(locale: Locale, facts: FreshnessFacts): string {
  const t = MESSAGES[locale];
  const f = facts.freshness;
  if (f.severity === 'none' || (f.health === 'error' && !facts.attempted)) return t['app.title'];
  return `⚠ ${headline(locale, facts)} · ${t['app.title']}`;
}
