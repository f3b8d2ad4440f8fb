/**
 * How fresh the data on screen is, as state: the app's clock, the last fully successful poll and
 * whether the latest one failed go through `assessFreshness` (core) as one `$derived`, so the status
 * on screen, the document title and the root's `data-health` always agree.
 */
import type { DeploymentConfig } from '../core/deployment-config.ts';
import { assessFreshness, type Freshness } from '../core/freshness.ts';
import type { ClockState } from './clock.svelte.ts';
import type { DataState } from './data.svelte.ts';

export class FreshnessState {
  /** When a poll last reached the data: the manifest read and the levels on screen current (ms). */
  lastSuccess = $state<number | null>(null);
  /** The latest poll failed somewhere (the manifest or any file it had to reload). */
  failing = $state(false);
  /** A first load has been tried to its end: before that "no data" means "loading", not "failed". */
  attempted = $state(false);

  // Assigned in the constructor; the $derived fields below only read them later, when first used.
  private readonly clock!: ClockState;
  private readonly data!: DataState;
  private readonly deployment!: () => DeploymentConfig;

  constructor(clock: ClockState, data: DataState, deployment: () => DeploymentConfig) {
    this.clock = clock;
    this.data = data;
    this.deployment = deployment;
  }

  /** The latest date of the levels on screen. */
  latestDate = $derived(this.data.levels?.dates[this.data.levels.dates.length - 1] ?? null);

  /** The manifest's "as of" time (ISO), null when it has none. */
  asOf = $derived(this.data.manifest?.asOf ?? null);

  assessment: Freshness = $derived(
    assessFreshness({ now: this.clock.now, latestDate: this.latestDate, lastSuccess: this.lastSuccess, failing: this.failing }, this.deployment().stale),
  );

  /**
   * Records one poll: `reached` when the manifest and the levels are current (a bad incidents file
   * does not make the data old), `complete` when nothing failed.
   */
  record(reached: boolean, complete: boolean, at = Date.now()): void {
    this.attempted = true;
    this.failing = !complete;
    if (reached) this.lastSuccess = at;
  }
}
