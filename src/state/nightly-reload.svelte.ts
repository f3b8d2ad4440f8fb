/**
 * The wall's nightly reload (a common cure on displays left running for weeks): at config.json's
 * `nightlyReloadHour`, local time, keeping the URL's view. Read from the app's one clock, so no
 * timer of its own and a frozen test clock never reloads. Only on the wall: a desk or tablet user
 * must never lose their work to it.
 */
import { nextLocalHour } from '../core/nightly.ts';
import type { FiveColorApp } from './app.svelte.ts';
import { reloadPage } from './reload-page.ts';

export function nightlyReload(app: FiveColorApp, startedAt = Date.now()): () => void {
  return $effect.root(() => {
    const due = $derived(app.deployment.nightlyReloadHour === null ? null : nextLocalHour(startedAt, app.deployment.nightlyReloadHour));
    $effect(() => {
      // A string compare: the wall's mode joins the Mode type in the wall layout's branch.
      if (due === null || (app.view.mode as string) !== 'wall') return;
      if (app.clock.now >= due) reloadPage(app, `nightly reload (nightlyReloadHour ${app.deployment.nightlyReloadHour})`);
    });
  });
}
