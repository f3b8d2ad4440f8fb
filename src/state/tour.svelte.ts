/**
 * The unattended tour (the wall starts it; `?tour=1` starts it on any screen): the city, the
 * configured layers over it, each county, then the day's worst townships, each held
 * `holdSeconds`, the cycle planned afresh each time round so it follows the latest ranking. Any
 * pointer, wheel, touch or key input pauses it; it resumes after `resumeAfterIdleSeconds` without
 * input. The state says where to look (`frame`, or a township picked through the view); the map's
 * TourCamera does the flying, so this file knows nothing of MapLibre.
 *
 * One timer at a time — the step's hold or the idle wait, never both — so a tour running for
 * weeks holds one pending timeout, and `stop()` leaves none.
 */
import { rankTownships } from '../core/timeline.ts';
import { planTour, type TourStep } from '../core/wall/tour.ts';
import { countyBounds, type Bbox } from '../core/wall/tour-bounds.ts';
import type { DeploymentConfig } from '../core/deployment-config.ts';
import type { DataState } from './data.svelte.ts';
import type { OverlayId } from './overlay-types.ts';
import type { OverlaysState } from './overlays.svelte.ts';
import type { ViewState } from './view.svelte.ts';

/** What the tour reads and drives of the app (the app itself, which holds the tour). */
export interface TourHost {
  readonly deployment: DeploymentConfig;
  readonly data: DataState;
  readonly overlays: OverlaysState;
  readonly view: ViewState;
  /** Position of the selected date in the levels file (−1 before data). */
  readonly dateIndex: number;
}

/** What counts as someone at the screen. */
const INPUTS = ['pointerdown', 'wheel', 'touchstart', 'keydown'] as const;

const OVERLAY_IDS: readonly OverlayId[] = ['zones', 'coverage', 'sites', 'teams'];

export interface TourFrame {
  readonly bbox: Bbox;
  /** Distinguishes two requests for the same box (the city at the start of each cycle). */
  readonly at: number;
}

export class TourState {
  running = $state(false);
  paused = $state(false);
  stepIndex = $state(-1);
  steps = $state.raw<readonly TourStep[]>([]);
  step = $derived<TourStep | null>(this.steps[this.stepIndex] ?? null);
  /** The box the map should fit for the current step (city, layer or county); null otherwise. */
  frame = $state.raw<TourFrame | null>(null);
  /** How many steps were shown since start (a test reads progress from it). */
  shown = $state(0);

  private readonly app: TourHost;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** What the current step switched on or selected, to be undone when it ends. */
  private layerOn: OverlayId | null = null;
  private picked: string | null = null;
  private bounds: { of: unknown; byCounty: Map<string, Bbox> } | null = null;

  constructor(app: TourHost) {
    this.app = app;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.paused = false;
    this.stepIndex = -1;
    this.shown = 0;
    for (const type of INPUTS) window.addEventListener(type, this.onInput, { capture: true, passive: true });
    this.next();
  }

  stop(): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const type of INPUTS) window.removeEventListener(type, this.onInput, { capture: true });
    this.leave();
    this.running = false;
    this.paused = false;
    this.stepIndex = -1;
    this.steps = [];
    this.frame = null;
  }

  /** Moves on to the next step now (a new cycle, freshly planned, after the last). */
  next(): void {
    if (!this.running) return;
    this.leave();
    let index = this.stepIndex + 1;
    if (index <= 0 || index >= this.steps.length) {
      this.steps = this.plan();
      index = 0;
    }
    this.stepIndex = index;
    this.enter(this.steps[index]);
    this.shown++;
    this.wait(this.config.holdSeconds, () => this.next());
  }

  private get config() {
    return this.app.deployment.tour;
  }

  /** Each input restarts the idle wait; the tour goes on with the next step once it runs out. */
  private readonly onInput = (): void => {
    if (!this.running) return;
    this.paused = true;
    this.wait(this.config.resumeAfterIdleSeconds, () => {
      this.paused = false;
      this.next();
    });
  };

  private wait(seconds: number, then: () => void): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(then, seconds * 1000);
  }

  private plan(): TourStep[] {
    const { data, overlays } = this.app;
    const counties = data.boundaries?.counties.map((c) => c.code) ?? [];
    const d = this.app.dateIndex;
    const worst = data.levels && d >= 0 ? rankTownships(data.levels, d).map((r) => r.code) : [];
    return planTour(this.config, counties, worst, overlays.data ? OVERLAY_IDS : []);
  }

  private enter(step: TourStep): void {
    const { data, overlays, view } = this.app;
    const boundaries = data.boundaries;
    if (!boundaries) return;
    const at = Date.now();
    switch (step.kind) {
      case 'city':
        this.frame = { bbox: boundaries.bbox, at };
        break;
      case 'layer': {
        this.frame = { bbox: boundaries.bbox, at };
        const toggle = overlays.toggles[step.layer as OverlayId];
        if (toggle && !toggle.on) {
          toggle.on = true;
          this.layerOn = step.layer as OverlayId;
        }
        break;
      }
      case 'county': {
        if (this.bounds?.of !== boundaries) this.bounds = { of: boundaries, byCounty: countyBounds(boundaries.townships.features) };
        const bbox = this.bounds.byCounty.get(step.code);
        if (bbox) this.frame = { bbox, at };
        break;
      }
      case 'township':
        // Selected, so its panel and explanation show while the map flies to its seat.
        this.frame = null;
        view.pick(step.code);
        this.picked = step.code;
        break;
    }
  }

  /** Undoes what the current step switched on or selected (what the user changed since, stays). */
  private leave(): void {
    const { overlays, view } = this.app;
    if (this.layerOn) overlays.toggles[this.layerOn].on = false;
    if (this.picked && view.selected === this.picked) view.selected = null;
    this.layerOn = null;
    this.picked = null;
  }
}
