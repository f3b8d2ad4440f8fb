/**
 * Small glue between the app state and the wall's pure modules: the worker's join as the counts
 * `computeKpis` reads, and the English line under a Chinese heading.
 */
import type { DailyIncidentCounts } from '../../core/wall/kpis.ts';
import { MESSAGES, type Locale, type MessageKey } from '../../i18n/messages.ts';

interface JoinedIncidents {
  readonly countsByDay?: Uint32Array;
  readonly townships: number;
  readonly typeCount: number;
  readonly startDay?: string;
  readonly dayCount?: number;
}

/** The join's per-day counts, or null when the incidents carry no dates (or are not in yet). */
export function dailyIncidentCounts(joined: JoinedIncidents | null): DailyIncidentCounts | null {
  if (!joined?.countsByDay || !joined.startDay || !joined.dayCount) return null;
  return { countsByDay: joined.countsByDay, townships: joined.townships, typeCount: joined.typeCount, startDay: joined.startDay, dayCount: joined.dayCount };
}

/** Keys whose message is plain text (headings), not a function of values. */
type TextKey = { [K in MessageKey]: (typeof MESSAGES)['en'][K] extends string ? K : never }[MessageKey];

/** A Chinese screen's headings carry the English below them, as the desk's do; an English one needs none. */
export function alsoEnglish(locale: Locale, key: TextKey): string | null {
  return locale === 'zh' ? MESSAGES.en[key] : null;
}
