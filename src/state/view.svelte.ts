/** What the user is looking at: the day, the township picked or hovered, and which screen. */
export type Mode = 'desk' | 'tablet' | 'wall' | 'bulletin' | 'report';

export const MODES: readonly Mode[] = ['desk', 'tablet', 'wall', 'bulletin', 'report'];

/** The overview's tabs (the desk's city summary, level changes, ranking, coverage gaps). */
export type OverviewTab = 'summary' | 'changes' | 'ranking' | 'gaps';
export const OVERVIEW_TABS: readonly OverviewTab[] = ['summary', 'changes', 'ranking', 'gaps'];

/** Where the map looks: the center of the part the panels leave visible, and the zoom. */
export interface MapView {
  readonly center: readonly [number, number];
  readonly zoom: number;
}

export class ViewState {
  mode = $state<Mode>('desk');
  /** The screen this device gets without a ?mode (mode-choice.ts); a link names a mode only when it differs. */
  deviceMode: Mode = 'desk';
  date = $state<string | null>(null);
  selected = $state<string | null>(null);
  hovered = $state<string | null>(null);
  /** The period report's range (inclusive days); null: the 30 days ending on `date`. */
  from = $state<string | null>(null);
  to = $state<string | null>(null);
  /** The overview's open tab (lives here so a link reopens it). */
  tab = $state<OverviewTab>('summary');
  /**
   * The map view the reader chose (moved the map, picked a township, or opened a link with one);
   * null while the map keeps the whole city fitted by itself. MapCamera writes it after each move
   * and applies one it did not write.
   */
  camera = $state.raw<MapView | null>(null);
  /** A request to bring a township into view (from the ranking or change lists). */
  focus = $state.raw<{ code: string; at: number } | null>(null);
  /** Set once the map has drawn its first colored frame (browser tests and bench:load wait on it). */
  mapReady = $state(false);

  private signalReady: () => void = () => {};
  /** Resolves with the first colored frame: what loads after it never delays it. */
  readonly firstFrame = new Promise<void>((resolve) => (this.signalReady = resolve));

  markMapReady(): void {
    this.mapReady = true;
    this.signalReady();
  }

  /** Selects a township from a list and flies to it. */
  pick(code: string): void {
    this.selected = code;
    this.focus = { code, at: Date.now() };
  }

  /**
   * After levels.json (re)loads: a screen left on the latest day follows new days as they arrive,
   * a chosen past day stays while the data still has it.
   */
  follow(dates: readonly string[], previousLatest: string | null): void {
    const latest = dates[dates.length - 1] ?? null;
    if (this.date === null || this.date === previousLatest || !dates.includes(this.date)) this.date = latest;
  }
}
