/**
 * The view state a link reproduces, as one table of query parameters: each row says how its value
 * is parsed from the query, formatted back, and where in the state it lives. `applyUrl` reads them
 * once the data is in (a value is checked against it); `syncUrl` then keeps the address bar in step
 * with `history.replaceState`, from this one place. A value that cannot be honoured is reported
 * under its parameter (`?date`) rather than silently replaced.
 */
import { dayNumberOf } from '../core/dates.ts';
import { isLocale, type Locale } from '../i18n/messages.ts';

import { MODES, type Mode } from './view.svelte.ts';
import type { FiveColorApp, LevelPattern } from './app.svelte.ts';

const PATTERNS: readonly LevelPattern[] = ['none', 'numbers', 'hatch'];

type Parsed<T> = { value: T } | { problem: string };

interface UrlParam<T> {
  name: string;
  /**
   * 'early': applied before the first render (the screen's layout depends on it: the mode; picking
   * it later would build the map twice); 'start': once config.json is in, so the link wins over the
   * deployment's defaults (the language); 'data' (default): once levels.json is in (checked against it).
   */
  phase?: Phase;
  parse(raw: string, app: FiveColorApp): Parsed<T>;
  /** The query value for a state value; null leaves the parameter out. */
  format(value: T): string | null;
  get(app: FiveColorApp): T;
  set(app: FiveColorApp, value: T): void;
}

type Phase = 'early' | 'start' | 'data';

/** Keeps each row's own value type while the table holds rows of different types. */
function param<T>(row: UrlParam<T>): UrlParam<unknown> {
  return row as UrlParam<unknown>;
}

/** A day of the data, for ?date, ?from and ?to. */
function dayParam(name: string, raw: string, app: FiveColorApp): Parsed<string> {
  // Short enough for one line of the banner; the time bar shows which day is shown instead.
  const dates = app.data.levels?.dates ?? [];
  if (dayNumberOf(raw) === null) return { problem: `?${name}=${raw} is not a date (YYYY-MM-DD)` };
  if (!dates.includes(raw)) return { problem: `?${name}=${raw} is outside the data (${dates[0]} – ${dates[dates.length - 1]})` };
  return { value: raw };
}

const PARAMS: readonly UrlParam<unknown>[] = [
  param<Mode | null>({
    name: 'mode',
    phase: 'early',
    parse: (raw) => ((MODES as readonly string[]).includes(raw) ? { value: raw as Mode } : { problem: `?mode=${raw} is not a screen (${MODES.join(', ')}); showing the desk` }),
    // Left out while it is what the device picks by itself (mode-choice.ts): a link from a tablet
    // opens as the desk on a desk, and the other way round; only a chosen override travels.
    format: (mode) => mode,
    get: (app) => (app.view.mode === app.view.deviceMode ? null : app.view.mode),
    set: (app, mode) => void (mode && (app.view.mode = mode)),
  }),
  param<Locale>({
    name: 'lang',
    phase: 'start',
    parse: (raw) => (isLocale(raw) ? { value: raw } : { problem: `?lang=${raw} is not a language (expected zh or en)` }),
    format: (locale) => (locale === 'zh' ? null : locale),
    get: (app) => app.locale.locale,
    set: (app, locale) => (app.locale.locale = locale),
  }),
  param<string | null>({
    name: 'from',
    parse: (raw, app) => dayParam('from', raw, app),
    format: (date) => date,
    get: (app) => app.view.from,
    set: (app, date) => (app.view.from = date),
  }),
  param<string | null>({
    name: 'to',
    parse: (raw, app) => dayParam('to', raw, app),
    format: (date) => date,
    get: (app) => app.view.to,
    set: (app, date) => (app.view.to = date),
  }),
  param<string | null>({
    name: 'date',
    parse: (raw, app) => dayParam('date', raw, app),
    format: (date) => date,
    get: (app) => app.view.date,
    set: (app, date) => (app.view.date = date),
  }),
  // Level numbers or hatching over the fills, so a printed or shared view stays readable without color.
  param<LevelPattern>({
    name: 'pattern',
    parse: (raw) => (PATTERNS.includes(raw as LevelPattern) ? { value: raw as LevelPattern } : { problem: `?pattern=${raw} is not one of ${PATTERNS.join(', ')}` }),
    format: (pattern) => (pattern === 'none' ? null : pattern),
    get: (app) => app.pattern,
    set: (app, pattern) => (app.pattern = pattern),
  }),
  // The unattended tour on any screen (the wall starts it itself).
  param<boolean>({
    name: 'tour',
    parse: (raw) => (raw === '1' || raw === '0' ? { value: raw === '1' } : { problem: `?tour=${raw} must be 1 (run the tour) or 0` }),
    format: (running) => (running ? '1' : null),
    get: (app) => app.tour.running,
    set: (app, run) => (run ? app.tour.start() : app.tour.stop()),
  }),
];

/** The rows needed before the first render (the screen mode). */
export function applyEarlyUrl(app: FiveColorApp, location: Location): void {
  applyUrl(app, location, 'early');
}

/** The problems registry's key for a parameter. */
export const paramKey = (name: string): string => `?${name}`;

/** Applies the page's query (the rows of one phase) to the state; what cannot be honoured is reported, one line each. */
export function applyUrl(app: FiveColorApp, location: Location, phase: Phase = 'data'): void {
  const query = new URLSearchParams(location.search);
  for (const p of PARAMS) {
    if ((p.phase ?? 'data') !== phase) continue;
    const raw = query.get(p.name);
    if (raw === null) continue;
    const parsed = p.parse(raw, app);
    if ('problem' in parsed) app.problems.report(paramKey(p.name), parsed.problem);
    else {
      p.set(app, parsed.value);
      app.problems.clear(paramKey(p.name));
    }
  }
}

/** Writes the state's parameters into the address bar whenever they change; returns the stop. */
export function syncUrl(app: FiveColorApp): () => void {
  return $effect.root(() => {
    $effect(() => {
      const url = viewUrl(app, window.location.href);
      // No history entry per step: the back button leaves the app, it does not replay the scrubbing.
      if (url.href !== window.location.href) history.replaceState(history.state, '', url);
    });
  });
}

/** `base` with the state's parameters written into its query (`omit`: rows left out). */
export function viewUrl(app: FiveColorApp, base: string, omit: readonly string[] = []): URL {
  const url = new URL(base);
  for (const p of PARAMS) {
    const value = omit.includes(p.name) ? null : p.format(p.get(app));
    if (value === null) url.searchParams.delete(p.name);
    else url.searchParams.set(p.name, value);
  }
  return url;
}

/**
 * The link that reproduces this view on another device: the wall's own screen and tour stay
 * behind, so a tablet opening it picks its own layout.
 */
export function shareUrl(app: FiveColorApp): string {
  return viewUrl(app, window.location.href, ['mode', 'tour']).href;
}

/**
 * Where the data comes from: `?data=` (another manifest) over `dataPath` (config.json's `data`),
 * and `?incidents=` (another incidents file).
 */
export function dataSources(location: Location, dataPath = 'data/manifest.json'): { manifest: URL; incidents: URL | null } {
  const query = new URLSearchParams(location.search);
  const incidents = query.get('incidents');
  return {
    manifest: new URL(query.get('data') ?? dataPath, document.baseURI),
    incidents: incidents ? new URL(incidents, document.baseURI) : null,
  };
}
