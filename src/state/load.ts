/**
 * Fetches and validates the data set. A file that fails keeps the previous good data on screen and
 * reports the file and the problem; the levels file is fetched again on the manifest's schedule.
 */
import { parseBoundaries } from '../core/boundaries/boundaries.ts';
import { DataError } from '../core/data-error.ts';
import { parseLevelsFile } from '../core/levels-file.ts';
import { parseManifest } from '../core/manifest.ts';
import type { AppState } from './app.svelte.ts';

async function fetchText(url: URL): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-cache' });
  } catch (error) {
    throw new DataError(fileName(url), `could not be fetched (${(error as Error).message})`);
  }
  if (!response.ok) throw new DataError(fileName(url), `HTTP ${response.status} ${response.statusText}`.trim());
  return response.text();
}

function fileName(url: URL): string {
  return url.pathname.split('/').pop() || url.href;
}

function describe(state: AppState, error: unknown, fallbackFile: string): void {
  if (error instanceof DataError) state.report(error.file, error.message);
  else state.report(fallbackFile, `${fallbackFile}: ${(error as Error).message}`);
}

export function manifestUrl(location: Location): URL {
  const param = new URLSearchParams(location.search).get('data');
  return new URL(param ?? 'data/manifest.json', document.baseURI);
}

/** The date in the page URL (?date=YYYY-MM-DD), if any. */
export function dateFromUrl(location: Location): string | null {
  const date = new URLSearchParams(location.search).get('date');
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}

/** Keeps ?date= in the address bar in step with the selected date, without adding history entries. */
export function writeDateToUrl(date: string | null): void {
  const url = new URL(window.location.href);
  if (date) url.searchParams.set('date', date);
  else url.searchParams.delete('date');
  if (url.href !== window.location.href) history.replaceState(history.state, '', url);
}

export async function loadAll(state: AppState, manifestHref: URL): Promise<void> {
  try {
    const manifest = parseManifest(await fetchText(manifestHref), fileName(manifestHref));
    const boundariesUrl = new URL(manifest.boundaries, manifestHref);
    const boundaries = parseBoundaries(await fetchText(boundariesUrl), fileName(boundariesUrl));
    state.manifest = manifest;
    state.boundaries = boundaries;
    await refreshLevels(state, manifestHref);
  } catch (error) {
    describe(state, error, fileName(manifestHref));
  }
}

export async function refreshLevels(state: AppState, manifestHref: URL): Promise<void> {
  const { manifest, boundaries } = state;
  if (!manifest || !boundaries) return;
  const url = new URL(manifest.levels, manifestHref);
  try {
    const levels = parseLevelsFile(await fetchText(url), fileName(url), new Set(boundaries.byCode.keys()));
    const latestShown = state.levels !== null && state.date === state.levels.dates[state.levels.dates.length - 1];
    state.levels = levels;
    // A wall left on the latest day follows new days as they arrive; a chosen past day stays.
    if (!state.date || !levels.dates.includes(state.date) || latestShown) state.date = levels.dates[levels.dates.length - 1];
  } catch (error) {
    describe(state, error, fileName(url));
  }
}
