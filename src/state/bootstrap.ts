/**
 * The load order, in one place: manifest → boundaries → levels (first colored frame) → the URL's
 * view → incidents and overlays → the safety index engine; then levels again on the manifest's
 * schedule. Returns the stop for App's teardown.
 */
import type { FiveColorApp } from './app.svelte.ts';
import { applyUrl, dataSources, syncUrl } from './url.svelte.ts';

export function bootstrap(app: FiveColorApp, location: Location): () => void {
  const { data, view } = app;
  let stopUrl: (() => void) | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  /** levels.json again; the URL's view is applied the first time levels are in (it is checked against them). */
  async function refresh(): Promise<void> {
    const previousLatest = data.levels?.dates[data.levels.dates.length - 1] ?? null;
    if (!(await data.loadLevels()) || !data.levels) return;
    view.follow(data.levels.dates, previousLatest);
    if (stopUrl) return;
    applyUrl(app, location);
    stopUrl = syncUrl(app);
  }

  // Tests and the wall's operators can force a data refresh without waiting for the schedule.
  (window as unknown as { __fiveColorRefresh: () => Promise<void> }).__fiveColorRefresh = refresh;

  async function start(): Promise<void> {
    // The screen and the language first: they decide what loads and in which language it is said.
    applyUrl(app, location, 'start');
    if (!(await data.loadManifest()) || !(await data.loadBoundaries())) return;
    await refresh();
    data.started = true;
    timer = setInterval(refresh, data.manifest!.refreshSeconds * 1000);
    // Incidents and overlays load after the first colored frame, so they never delay it; the engine
    // explains with the same inputs the pipeline used: joined incidents and overlay shares.
    await view.firstFrame;
    await Promise.all([app.incidents.load(dataSources(location).incidents), app.overlays.load()]);
    await app.safetyIndex.load();
  }

  start();
  return () => {
    clearInterval(timer);
    stopUrl?.();
  };
}
