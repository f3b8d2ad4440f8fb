/**
 * Reloads the page keeping its view: the URL already carries it (url.svelte.ts), except that a
 * screen following the latest day must keep following after the reload, so its `?date` (the day
 * that was latest) is dropped rather than pinned. A new build waiting in the service worker is
 * switched to on the way.
 */
import type { FiveColorApp } from './app.svelte.ts';

export function reloadPage(app: FiveColorApp, why: string): void {
  const url = new URL(window.location.href);
  const dates = app.data.levels?.dates;
  if (dates && app.view.date === dates[dates.length - 1]) url.searchParams.delete('date');
  console.info(`reloading the page: ${why}`);
  // A new build waiting in the service worker is applied by this reload (the wall's way to update).
  if (app.update.ready) {
    history.replaceState(history.state, '', url);
    void app.update.apply();
    return;
  }
  if (url.href === window.location.href) window.location.reload();
  else window.location.replace(url.href);
}
