import type { Boundaries } from '../core/boundaries/boundaries.ts';
import { classifyIndex, countLevels, DEFAULT_BANDS, type Bands, type Level } from '../core/levels.ts';
import { indexOn, type LevelsFile } from '../core/levels-file.ts';
import type { Manifest } from '../core/manifest.ts';

export interface DataProblem {
  file: string;
  message: string;
  at: Date;
}

/** Everything the UI shows, as runes; derived values recompute only when their inputs change. */
export class AppState {
  manifest = $state.raw<Manifest | null>(null);
  boundaries = $state.raw<Boundaries | null>(null);
  levels = $state.raw<LevelsFile | null>(null);
  bands = $state.raw<Bands>(DEFAULT_BANDS);
  date = $state<string | null>(null);
  selected = $state<string | null>(null);
  hovered = $state<string | null>(null);
  /** A request to bring a township into view (from the ranking or change lists). */
  focus = $state.raw<{ code: string; at: number } | null>(null);
  problems = $state<DataProblem[]>([]);
  /** Set once the map has drawn its first colored frame (browser tests and bench:load wait on it). */
  mapReady = $state(false);

  indexByCode = $derived.by(() =>
    this.levels && this.date ? indexOn(this.levels, this.date) : new Map<string, number | null>(),
  );

  levelByCode = $derived.by(() => {
    const out = new Map<string, Level | null>();
    if (!this.boundaries) return out;
    for (const code of this.boundaries.byCode.keys()) out.set(code, classifyIndex(this.indexByCode.get(code), this.bands));
    return out;
  });

  counts = $derived(countLevels(this.levelByCode.values()));

  /** Position of the selected date in the levels file (−1 before data). */
  dateIndex = $derived(this.levels && this.date ? this.levels.dates.indexOf(this.date) : -1);

  /** Moves the selected date by `days` within the history (no wrap). */
  step(days: number): void {
    const dates = this.levels?.dates;
    if (!dates || this.dateIndex < 0) return;
    this.date = dates[Math.min(dates.length - 1, Math.max(0, this.dateIndex + days))];
  }

  report(file: string, message: string): void {
    // Newest first, and the same problem is not listed twice while it persists.
    this.problems = [{ file, message, at: new Date() }, ...this.problems.filter((p) => p.message !== message)].slice(0, 5);
  }

  dismissProblems(): void {
    this.problems = [];
  }
}
