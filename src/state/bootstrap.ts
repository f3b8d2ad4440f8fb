/**
 * The load order, in one place: config.json (where the data is, how often to poll) → the first
 * poll (manifest → boundaries → levels → the URL's view → first frame → incidents and overlays →
 * the engine) → the same poll on the refresh schedule, retried with backoff while it fails
 * (refresh.ts). Also starts the app's clock and, on the wall, the nightly reload. Returns the stop
 * for App's teardown.
 */
import type { FiveColorApp } from './app.svelte.ts';
import { loadDeployment } from './deployment.ts';
import { nightlyReload } from './nightly-reload.svelte.ts';
import { Refresher, type Force } from './refresh.ts';
import { allowedSources } from './origins.ts';
import { applyUrl, syncUrl } from './url.svelte.ts';

export function bootstrap(app: FiveColorApp, location: Location): () => void {
  const { data, view } = app;
  let stopUrl: (() => void) | null = null;
  const stopClock = app.clock.start();
  let stopNightly: (() => void) | null = null;
  let stopped = false;

  const refresher = new Refresher(app, {
    // Set once config.json says which origins ?incidents= may come from (start, below).
    incidentsOverride: null,
    onLevels(previousLatest) {
      view.follow(data.levels!.dates, previousLatest);
      // The URL's view is applied the first time levels are in (it is checked against them).
      if (!stopUrl) {
        applyUrl(app, location);
        stopUrl = syncUrl(app);
      }
      data.started = true;
    },
  });

  // Tests and the wall's operators can force a data refresh without waiting for the schedule:
  // levels.json is fetched again whatever its version says (`'all'`: every file).
  (window as unknown as { __fiveColorRefresh: (force?: Force) => Promise<void> }).__fiveColorRefresh = (force = 'levels') => refresher.poll(force);

  async function start(): Promise<void> {
    app.deployment = await loadDeployment(new URL('config.json', document.baseURI), app.problems);
    if (stopped) return;
    app.locale.locale = app.deployment.language;
    // The screen and the language from the link win over the deployment's defaults; they decide
    // what loads and in which language it is said.
    applyUrl(app, location, 'start');
    // ?data= wins over config.json's data path, which wins over the built-in one — when its origin
    // is the app's own or one config.json allows; a refused one is never fetched.
    const sources = allowedSources(location, app.deployment, app.problems);
    data.source = sources.manifest;
    refresher.incidentsOverride = sources.incidents;
    stopNightly = nightlyReload(app);
    await refresher.poll();
  }

  void start();
  return () => {
    stopped = true;
    refresher.stop();
    stopClock();
    stopNightly?.();
    stopUrl?.();
  };
}
