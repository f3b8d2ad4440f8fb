/**
 * The view state a link reproduces, as one table of query parameters: each row says how its value
 * is parsed from the query, formatted back, and where in the state it lives. `applyUrl` reads them
 * once the data is in (a value is checked against it); `syncUrl` then keeps the address bar in step
 * with `history.replaceState`, from this one place. A value that cannot be honoured is reported
 * under its parameter (`?date`) rather than silently replaced.
 */
import { bilingual } from '../core/data-error.ts';
import { dayNumberOf } from '../core/dates.ts';
import { isLocale, type Locale } from '../i18n/messages.ts';

import { MODES, OVERVIEW_TABS, type MapView, type Mode, type OverviewTab } from './view.svelte.ts';
import type { FiveColorApp, LevelPattern } from './app.svelte.ts';
import type { OverlayId } from './overlay-types.ts';

const PATTERNS: readonly LevelPattern[] = ['none', 'numbers', 'hatch'];
/** The overlays in the order ?layers= lists them. */
const OVERLAYS: readonly OverlayId[] = ['zones', 'coverage', 'sites', 'teams'];
/** ?view= precision: 4 decimals of a degree is ~10 m, 2 of a zoom level ~1.4% of scale; links stay short. */
const DEGREE_DECIMALS = 4;
const ZOOM_DECIMALS = 2;

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
  if (dayNumberOf(raw) === null) return { problem: bilingual(`?${name}=${raw} is not a date (YYYY-MM-DD)`, `?${name}=${raw} 不是日期（应为 YYYY-MM-DD）`) };
  if (!dates.includes(raw)) {
    const range = `${dates[0]} – ${dates[dates.length - 1]}`;
    return { problem: bilingual(`?${name}=${raw} is outside the data (${range})`, `?${name}=${raw} 不在数据范围内（${range}）`) };
  }
  return { value: raw };
}

const PARAMS: readonly UrlParam<unknown>[] = [
  param<Mode | null>({
    name: 'mode',
    phase: 'early',
    parse: (raw) => ((MODES as readonly string[]).includes(raw) ? { value: raw as Mode } : { problem: bilingual(`?mode=${raw} is not a screen (${MODES.join(', ')}); showing the desk`, `?mode=${raw} 不是可用的画面（${MODES.join('、')}），显示桌面版`) }),
    // Left out while it is what the device picks by itself (mode-choice.ts): a link from a tablet
    // opens as the desk on a desk, and the other way round; only a chosen override travels.
    format: (mode) => mode,
    get: (app) => (app.view.mode === app.view.deviceMode ? null : app.view.mode),
    set: (app, mode) => void (mode && (app.view.mode = mode)),
  }),
  param<Locale>({
    name: 'lang',
    phase: 'start',
    parse: (raw) => (isLocale(raw) ? { value: raw } : { problem: bilingual(`?lang=${raw} is not a language (expected zh or en)`, `?lang=${raw} 不是可用的语言（应为 zh 或 en）`) }),
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
    parse: (raw) => (PATTERNS.includes(raw as LevelPattern) ? { value: raw as LevelPattern } : { problem: bilingual(`?pattern=${raw} is not one of ${PATTERNS.join(', ')}`, `?pattern=${raw} 应为 ${PATTERNS.join('、')} 之一`) }),
    format: (pattern) => (pattern === 'none' ? null : pattern),
    get: (app) => app.pattern,
    set: (app, pattern) => (app.pattern = pattern),
  }),
  // The unattended tour on any screen (the wall starts it itself).
  param<boolean>({
    name: 'tour',
    parse: (raw) => (raw === '1' || raw === '0' ? { value: raw === '1' } : { problem: bilingual(`?tour=${raw} must be 1 (run the tour) or 0`, `?tour=${raw} 应为 1（轮播）或 0`) }),
    format: (running) => (running ? '1' : null),
    get: (app) => app.tour.running,
    set: (app, run) => (run ? app.tour.start() : app.tour.stop()),
  }),
  // The open township: checked against the boundaries, so a stale link says so instead of showing nothing.
  param<string | null>({
    name: 't',
    parse: (raw, app) =>
      app.data.boundaries?.byCode.has(raw)
        ? { value: raw }
        : { problem: bilingual(`?t=${raw} is not a township of this data (expected a 9-digit code such as 331102001)`, `?t=${raw} 不是本数据中的乡镇代码（应为 9 位代码，如 331102001）`) },
    format: (code) => code,
    get: (app) => app.view.selected,
    set: (app, code) => (app.view.selected = code),
  }),
  // The overlays switched on, each with its opacity in percent when not 100: "zones:60,coverage".
  param<readonly { id: OverlayId; percent: number }[]>({
    name: 'layers',
    parse: parseLayers,
    format: (on) => (on.length === 0 ? null : on.map(({ id, percent }) => (percent === 100 ? id : `${id}:${percent}`)).join(',')),
    get: (app) => OVERLAYS.filter((id) => app.overlays.toggles[id].on).map((id) => ({ id, percent: Math.round(app.overlays.toggles[id].opacity * 100) })),
    set: (app, on) => {
      // Mutated in place: the map's layer components hold these toggles.
      for (const id of OVERLAYS) {
        const row = on.find((l) => l.id === id);
        app.overlays.toggles[id].on = row !== undefined;
        if (row) app.overlays.toggles[id].opacity = row.percent / 100;
      }
    },
  }),
  // The map's view once the reader chose one ("lon,lat,zoom"); without it the city is fitted to the screen.
  param<MapView | null>({
    name: 'view',
    parse: parseView,
    format: (v) => (v ? `${v.center[0].toFixed(DEGREE_DECIMALS)},${v.center[1].toFixed(DEGREE_DECIMALS)},${v.zoom.toFixed(ZOOM_DECIMALS)}`.replace(/\.?0+(?=,|$)/g, '') : null),
    get: (app) => app.view.camera,
    set: (app, v) => (app.view.camera = v),
  }),
  param<OverviewTab>({
    name: 'tab',
    parse: (raw) =>
      (OVERVIEW_TABS as readonly string[]).includes(raw)
        ? { value: raw as OverviewTab }
        : { problem: bilingual(`?tab=${raw} is not a tab (${OVERVIEW_TABS.join(', ')})`, `?tab=${raw} 不是可用的标签（${OVERVIEW_TABS.join('、')}）`) },
    // The summary is the default tab: its links stay short.
    format: (tab) => (tab === 'summary' ? null : tab),
    get: (app) => app.view.tab,
    set: (app, tab) => (app.view.tab = tab),
  }),
];

function parseLayers(raw: string): Parsed<{ id: OverlayId; percent: number }[]> {
  const out: { id: OverlayId; percent: number }[] = [];
  for (const item of raw.split(',').filter((x) => x !== '')) {
    const [id, percent, extra] = item.split(':');
    const value = percent === undefined ? 100 : Number(percent);
    if (!OVERLAYS.includes(id as OverlayId) || extra !== undefined || !Number.isInteger(value) || value < 10 || value > 100)
      return { problem: bilingual(`?layers=${raw}: "${item}" is not a layer (${OVERLAYS.join(', ')}, each optionally :10–100 for opacity)`, `?layers=${raw}：“${item}”不是可用的图层（${OVERLAYS.join('、')}，可加 :10–100 表示透明度）`) };
    out.push({ id: id as OverlayId, percent: value });
  }
  return { value: out };
}

function parseView(raw: string): Parsed<MapView> {
  const [lon, lat, zoom, ...rest] = raw.split(',').map((x) => (x.trim() === '' ? NaN : Number(x)));
  if (rest.length === 0 && Number.isFinite(lon) && Number.isFinite(lat) && Number.isFinite(zoom) && Math.abs(lon!) <= 180 && Math.abs(lat!) <= 85 && zoom! >= 0 && zoom! <= 22)
    return { value: { center: [lon!, lat!], zoom: zoom! } };
  return { problem: bilingual(`?view=${raw} is not a map view (lon,lat,zoom, e.g. 119.92,28.45,9.5)`, `?view=${raw} 不是地图视图（经度,纬度,缩放级别，如 119.92,28.45,9.5）`) };
}

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
  // "," and ":" are legal in a query as they are: unescaped, a full view's link stays short enough for a QR code.
  url.search = url.searchParams.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
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
