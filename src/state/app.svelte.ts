/**
 * The app's one state object, provided to every component through the context (context.ts). It
 * composes the parts and holds what is computed from more than one of them, as `$derived`.
 */
import { gapList, type GapEntry } from '../core/overlays/gap-list.ts';
import { classifyIndex, countLevels, type Level } from '../core/levels.ts';
import { indexOn } from '../core/levels-file.ts';
import { citySeries, levelChanges } from '../core/timeline.ts';
import { ClockState } from './clock.svelte.ts';
import { DataState } from './data.svelte.ts';
import { FreshnessState } from './freshness.svelte.ts';
import { IncidentsState } from './incidents.svelte.ts';
import { MapInsets } from './layout.svelte.ts';
import { OverlaysState } from './overlays.svelte.ts';
import { ProblemsState } from './problems.svelte.ts';
import { SafetyIndexState } from './safety-index.svelte.ts';
import { TourState } from './tour.svelte.ts';
import { ViewState } from './view.svelte.ts';
import { DEFAULT_DEPLOYMENT, type DeploymentConfig } from '../core/deployment-config.ts';
import { LocaleState } from '../i18n/locale.svelte.ts';
import { AppUpdate } from './app-update.svelte.ts';
import { AuditState } from './audit.svelte.ts';
import { ImportState } from './import.svelte.ts';

/** What the map draws over the five fills besides the color: nothing, each level's number, or its hatch. */
export type LevelPattern = 'none' | 'numbers' | 'hatch';

/** Days shown by the trend charts (the selected day and the 29 before it). */
const TREND_DAYS = 30;

export class FiveColorApp {
  readonly problems = new ProblemsState();
  readonly view = new ViewState();
  readonly insets = new MapInsets();
  /** The language on screen (zh by default); `app.locale.t` is the dictionary. */
  readonly locale = new LocaleState();
  /** config.json beside index.html (the deployment's settings); the defaults until it loads. */
  deployment = $state.raw<DeploymentConfig>(DEFAULT_DEPLOYMENT);
  /** The service worker: offline use and new builds. */
  readonly update = new AppUpdate();
  /** The app's one clock: `clock.now` (ms) ticks every whole second, for headers and freshness. */
  readonly clock = new ClockState();
  // Assigned in the constructor; the $derived fields below only read them later, when first used.
  readonly data!: DataState;
  readonly incidents!: IncidentsState;
  readonly overlays!: OverlaysState;
  readonly safetyIndex!: SafetyIndexState;
  /** How old the data is and whether polls fail: health, severity, data age (`freshness.assessment`). */
  readonly freshness!: FreshnessState;
  /** The unattended tour over the city, its layers, counties and worst townships (the wall starts it). */
  readonly tour = new TourState(this);
  /** Level numbers or a per-level hatch over the fills, for readers who cannot tell the colors apart. */
  pattern = $state<LevelPattern>('none');
  /** A file of the user's, read in the worker and applied when confirmed (drop zone, picker). */
  readonly imports!: ImportState;
  /** What joined and what did not (the audit panel). */
  readonly audit!: AuditState;

  /** The state of the data set whose manifest is at `source`. */
  constructor(source: URL) {
    this.data = new DataState(source, this.problems);
    this.incidents = new IncidentsState(this.data, this.view, this.problems);
    this.overlays = new OverlaysState(this.data, this.problems);
    this.safetyIndex = new SafetyIndexState(this.data, this.incidents, this.overlays, this.problems);
    this.freshness = new FreshnessState(this.clock, this.data, () => this.deployment);
    this.imports = new ImportState(this);
    this.audit = new AuditState(this);
  }

  /** Position of the selected date in the levels file (−1 before data). */
  dateIndex = $derived(this.data.levels && this.view.date ? this.data.levels.dates.indexOf(this.view.date) : -1);

  indexByCode = $derived.by(() => {
    const { levels } = this.data;
    const { date } = this.view;
    return levels && date ? indexOn(levels, date) : new Map<string, number | null>();
  });

  levelByCode = $derived.by(() => {
    const out = new Map<string, Level | null>();
    for (const code of this.data.codes) out.set(code, classifyIndex(this.indexByCode.get(code), this.data.bands));
    return out;
  });

  counts = $derived(countLevels(this.levelByCode.values()));

  /** The city's index and townships per level over the trend window ending on the selected date. */
  cityTrend = $derived(this.data.levels && this.dateIndex >= 0 ? citySeries(this.data.levels, this.dateIndex - TREND_DAYS + 1, this.dateIndex, this.data.bands) : []);

  /** Townships whose level moved since the day before the selected date. */
  changes = $derived(this.data.levels && this.dateIndex >= 0 ? levelChanges(this.data.levels, this.dateIndex, this.data.bands) : { worse: [], better: [] });

  /** The selected township's index over the trend window (null without one). */
  selectedTrend = $derived.by(() => {
    const { levels } = this.data;
    const t = levels && this.view.selected ? levels.codes.indexOf(this.view.selected) : -1;
    if (!levels || t < 0 || this.dateIndex < 0) return null;
    const from = Math.max(0, this.dateIndex - TREND_DAYS + 1);
    return { dates: levels.dates.slice(from, this.dateIndex + 1), values: levels.index.slice(from, this.dateIndex + 1).map((row) => row[t]) };
  });

  /** "High risk, low coverage" townships on the selected date (null until the area shares are in). */
  gaps = $derived(this.gapsOn(this.view.date));

  /** The gap list of any date (the period report reads each day's); null until the area shares are in. */
  gapsOn(date: string | null): GapEntry[] | null {
    const { shares, config } = this.overlays;
    const { boundaries, codes, levels } = this.data;
    if (!shares || !config || !boundaries) return null;
    const township = (c: string) => boundaries.byCode.get(c)!;
    const day = levels && date ? indexOn(levels, date) : null;
    return gapList({
      codes,
      names: codes.map((c) => township(c).name),
      levels: codes.map((c) => classifyIndex(day?.get(c), this.data.bands)),
      rainfall: this.safetyIndex.rainfallOn(date, codes),
      highShare: codes.map((c) => shares.get(c)!.high),
      coverage: codes.map((c) => shares.get(c)!.covered),
      seats: codes.map((c) => township(c).seat),
      teams: this.overlays.teams,
      config,
    });
  }

  /** Every file of the data set, as URLs (what the offline cache must hold). */
  dataUrls(): string[] {
    const m = this.data.manifest;
    const paths = m ? [m.boundaries, m.levels, m.incidents, m.daily, m.indexConfig, ...Object.values(m.overlays ?? {})] : [];
    return [this.data.source.href, ...paths.filter((p): p is string => !!p).map((p) => this.data.url(p).href)];
  }

  /** Moves the selected date by `days` within the history (no wrap). */
  step(days: number): void {
    const dates = this.data.levels?.dates;
    if (!dates || this.dateIndex < 0) return;
    this.view.date = dates[Math.min(dates.length - 1, Math.max(0, this.dateIndex + days))];
  }
}
