/**
 * How fresh the data on screen is, decided from clocks and thresholds alone so the wall's header,
 * its document title and its machine-readable health attribute always agree (and tests can set the
 * clock). Days are calendar days in the data's time zone (China, UTC+8, unless configured).
 */
import { dayKeyOf, daysBetween } from './dates.ts';

export type Health = 'ok' | 'stale' | 'offline' | 'error';

export interface FreshnessThresholds {
  /** The latest data date may be this many days before today before the data counts as stale. */
  readonly staleDays: number;
  /** From this many days old the alarm turns from amber to red. */
  readonly alarmDays: number;
  /** A last successful fetch older than this (minutes) while fetches fail counts as offline. */
  readonly fetchMinutes: number;
}

export interface FreshnessInput {
  readonly now: number;
  /** Latest date of the data on screen (`YYYY-MM-DD`), null when none has loaded. */
  readonly latestDate: string | null;
  /** When the data was last fetched successfully (ms), null when never. */
  readonly lastSuccess: number | null;
  /** The most recent fetch failed. */
  readonly failing: boolean;
  readonly utcOffsetMinutes?: number;
}

export interface Freshness {
  readonly health: Health;
  /** 'none' (all well), 'warn' (amber), 'alarm' (red). */
  readonly severity: 'none' | 'warn' | 'alarm';
  /** Whole calendar days between the latest data date and today; null without data. */
  readonly dataAgeDays: number | null;
  /** Minutes since the last successful fetch; null when never. */
  readonly sinceSuccessMinutes: number | null;
}

export const DEFAULT_FRESHNESS: FreshnessThresholds = { staleDays: 1, alarmDays: 3, fetchMinutes: 30 };

export function assessFreshness(input: FreshnessInput, thresholds: FreshnessThresholds = DEFAULT_FRESHNESS): Freshness {
  const today = dayKeyOf(input.now, input.utcOffsetMinutes);
  const dataAgeDays = input.latestDate === null ? null : Math.max(0, daysBetween(input.latestDate, today));
  const sinceSuccessMinutes = input.lastSuccess === null ? null : Math.max(0, (input.now - input.lastSuccess) / 60_000);
  if (dataAgeDays === null || Number.isNaN(dataAgeDays)) return { health: 'error', severity: 'alarm', dataAgeDays: null, sinceSuccessMinutes };
  const offline = input.failing && (sinceSuccessMinutes === null || sinceSuccessMinutes > thresholds.fetchMinutes);
  const stale = dataAgeDays > thresholds.staleDays;
  const health: Health = offline ? 'offline' : stale ? 'stale' : 'ok';
  const severity = dataAgeDays >= thresholds.alarmDays ? 'alarm' : health === 'ok' ? 'none' : 'warn';
  return { health, severity, dataAgeDays, sinceSuccessMinutes };
}
