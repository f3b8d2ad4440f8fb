/**
 * The data set kept current without reloading the page: every poll fetches manifest.json and
 * reloads the files whose version changed (core/reload-plan.ts), in dependency order —
 * boundaries → levels → incidents (re-join) and overlays (shares) → the index engine. The first load
 * is just the first poll (nothing is loaded yet, so everything is due). A failed poll keeps what is
 * on screen and is retried with backoff (core/retry.ts), capped by the refresh interval; so a screen
 * started while the data server was down recovers by itself.
 */
import { retryDelayMs } from '../core/retry.ts';
import { needsReload } from '../core/reload-plan.ts';
import type { FiveColorApp } from './app.svelte.ts';

/** A file's (or group's) reload outcome: null when it was not due. */
type Outcome = boolean | null;

/**
 * A poll that reloads files whatever their version: 'levels' (what a forced refresh always did;
 * tests replace levels.json behind an unchanged manifest) or 'all'.
 */
export type Force = 'levels' | 'all' | null;

/** Whatever draws the first colored frame may take long on software WebGL, but never blocks polls forever. */
const FIRST_FRAME_WAIT_MS = 30_000;

export interface RefreshHooks {
  /** After levels.json (re)loads, with the latest date before it. */
  onLevels(previousLatest: string | null): void;
  /** `?incidents=`: a file of the user's instead of the data set's, loaded once. */
  incidentsOverride: URL | null;
}

export class Refresher {
  /** File path → the version last loaded successfully. */
  private readonly loaded = new Map<string, string>();
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;
  private incidentsTried = false;

  private readonly app: FiveColorApp;
  private readonly hooks: RefreshHooks;

  /** `?incidents=` once its origin is checked (null: the data set's own). */
  set incidentsOverride(url: URL | null) {
    this.hooks.incidentsOverride = url;
  }

  constructor(app: FiveColorApp, hooks: RefreshHooks) {
    this.app = app;
    this.hooks = hooks;
  }

  /** Polls now (after any poll in progress) and resolves when done; the schedule restarts from it. */
  poll(force: Force = null): Promise<void> {
    this.queue = this.queue.then(() => this.cycle(force));
    return this.queue;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Milliseconds between polls: config.json's refreshSeconds over the manifest's. */
  private intervalMs(): number {
    return (this.app.deployment.refreshSeconds ?? this.app.data.manifest?.refreshSeconds ?? 300) * 1000;
  }

  private async cycle(force: Force): Promise<void> {
    if (this.stopped) return;
    clearTimeout(this.timer);
    let outcome = { reached: false, complete: false };
    try {
      outcome = await this.reload(force);
    } catch (error) {
      // A bug, not a data problem: the schedule must survive it.
      console.error('refresh failed', error);
    }
    this.app.freshness.record(outcome.reached, outcome.complete);
    if (this.stopped) return;
    const interval = this.intervalMs();
    const delay = outcome.complete ? interval : Math.min(interval, retryDelayMs(this.failures++));
    if (outcome.complete) this.failures = 0;
    else console.info(`data refresh: retrying in ${Math.round(delay / 1000)} s (attempt ${this.failures})`);
    this.timer = setTimeout(() => void this.poll(), delay);
  }

  /** One poll: the manifest, then every file that is due, in dependency order. */
  private async reload(force: Force): Promise<{ reached: boolean; complete: boolean }> {
    const { data, incidents, overlays, safetyIndex, view } = this.app;
    if (!(await data.loadManifest())) return { reached: false, complete: false };
    const manifest = data.manifest!;
    const forced = (path: string): boolean => force === 'all' || (force === 'levels' && path === manifest.levels);
    const due = (path: string | null | undefined): boolean => !!path && (forced(path) || needsReload(path, manifest.versions, this.loaded));
    const settle = (paths: readonly string[], ok: boolean): boolean => {
      for (const path of paths) {
        const version = manifest.versions[path];
        if (ok && version !== undefined) this.loaded.set(path, version);
        else this.loaded.delete(path);
      }
      return ok;
    };

    // Boundaries: every other file is read against their township codes, so all follow them.
    const boundariesDue = due(manifest.boundaries);
    if (boundariesDue && !settle([manifest.boundaries], await data.loadBoundaries())) return { reached: false, complete: false };
    if (boundariesDue) this.forgetAllBut(manifest.boundaries);

    let levelsReloaded = false;
    if (due(manifest.levels)) {
      const previousLatest = data.levels?.dates[data.levels.dates.length - 1] ?? null;
      if (!settle([manifest.levels], await data.loadLevels())) return { reached: false, complete: false };
      levelsReloaded = true;
      this.hooks.onLevels(previousLatest);
    }

    // The rest waits for the first colored frame, so it never delays it.
    await Promise.race([view.firstFrame, new Promise((ok) => setTimeout(ok, FIRST_FRAME_WAIT_MS))]);

    const overlayPaths = manifest.overlays ? Object.values(manifest.overlays) : [];
    const override = this.hooks.incidentsOverride;
    const incidentsDue = override ? !this.incidentsTried || force === 'all' : due(manifest.incidents);
    const [incidentsOk, overlaysOk]: Outcome[] = await Promise.all([
      incidentsDue ? incidents.load(override).then((ok) => ((this.incidentsTried = ok), override ? ok : settle([manifest.incidents!], ok))) : null,
      overlayPaths.some(due) ? overlays.load().then((ok) => settle(overlayPaths, ok)) : null,
    ]);

    // The engine explains with the joined incidents and the overlay shares, so it reruns with them.
    const enginePaths = [manifest.daily, manifest.indexConfig].filter((p): p is string => !!p);
    let engineOk: Outcome = null;
    if (enginePaths.some(due) || incidentsOk !== null || overlaysOk !== null) engineOk = settle(enginePaths, await safetyIndex.load());
    else if (levelsReloaded) safetyIndex.compare();

    const complete = [incidentsOk, overlaysOk, engineOk].every((ok) => ok !== false);
    return { reached: true, complete };
  }

  /** After new boundaries, everything joined or parsed against the old ones is due again. */
  private forgetAllBut(path: string): void {
    for (const key of [...this.loaded.keys()]) if (key !== path) this.loaded.delete(key);
    this.incidentsTried = false;
  }
}
