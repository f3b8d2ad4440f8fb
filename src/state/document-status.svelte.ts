/**
 * The freshness on the document itself, in every mode: `data-health` (ok | stale | offline | error)
 * and `data-as-of` on the root element for a kiosk watchdog or a test, and the warning in the
 * document title, so it shows in a tab or a kiosk's monitor. Call while a component initialises.
 */
import { freshnessTitle, type FreshnessFacts } from '../i18n/freshness-text.ts';
import type { FiveColorApp } from './app.svelte.ts';

export function freshnessFacts(app: FiveColorApp): FreshnessFacts {
  const f = app.freshness;
  return { freshness: f.assessment, attempted: f.attempted, latestDate: f.latestDate, asOf: f.asOf, lastSuccess: f.lastSuccess };
}

export function reflectFreshnessOnDocument(app: FiveColorApp): void {
  const root = document.documentElement;
  $effect(() => {
    root.dataset.health = app.freshness.assessment.health;
    root.dataset.severity = app.freshness.assessment.severity;
  });
  $effect(() => {
    const asOf = app.freshness.asOf;
    if (asOf) root.dataset.asOf = asOf;
    else delete root.dataset.asOf;
  });
  // The clock ticks every second; the title is written only when its words change.
  const title = $derived(freshnessTitle(app.locale.locale, freshnessFacts(app)));
  $effect(() => {
    if (document.title !== title) document.title = title;
  });
}


