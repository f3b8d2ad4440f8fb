/**
 * The basemap under the townships: config.json's `basemap` over the manifest's, else none. It is
 * fetched and checked here before the map is created (origin rule, reachable, a style), and any
 * failure means the plain background with one message under the key "basemap": the townships
 * always draw. No basemap configured means no request at all.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { basemapStyleProblem } from '../core/basemap-style.ts';
import { bilingual, splitBilingual } from '../core/data-error.ts';
import { checkOrigin } from '../core/origin-policy.ts';
import type { FiveColorApp } from './app.svelte.ts';

export const BASEMAP_KEY = 'basemap';
/** A basemap server that does not answer must not hold the first frame for long. */
const BASEMAP_TIMEOUT_MS = 8000;

/** The style to start the map with, or null for none (the caller uses its empty style). */
export async function resolveBasemap(app: FiveColorApp, base: string = document.baseURI): Promise<StyleSpecification | null> {
  const raw = app.deployment.basemap ?? app.data.manifest?.basemap ?? null;
  if (raw === null) {
    app.problems.clear(BASEMAP_KEY);
    return null;
  }
  /** `why` is bilingual; the entry keeps one English and one Chinese half. */
  const fail = (why: string): null => {
    const { en, zh } = splitBilingual(why);
    app.problems.report(BASEMAP_KEY, `${BASEMAP_KEY}: ${bilingual(`${en} — the basemap could not be loaded; the townships are drawn without it`, `${zh}——底图未能载入，乡镇图层照常显示`)}`);
    return null;
  };
  const verdict = checkOrigin(raw, base, app.deployment.allowedOrigins, 'basemap');
  if (!verdict.ok) return fail(verdict.reason);
  let json: unknown;
  try {
    const response = await fetch(verdict.url, { signal: AbortSignal.timeout(BASEMAP_TIMEOUT_MS) });
    if (!response.ok) return fail(bilingual(`${verdict.url.href} answered HTTP ${response.status}`, `${verdict.url.href} 返回 HTTP ${response.status}`));
    json = JSON.parse(await response.text());
  } catch (error) {
    const message = (error as Error).name === 'TimeoutError' ? `no answer in ${BASEMAP_TIMEOUT_MS / 1000} s` : (error as Error).message;
    return fail(bilingual(`${verdict.url.href} could not be read (${message})`, `${verdict.url.href} 无法读取（${message}）`));
  }
  const problem = basemapStyleProblem(json);
  if (problem !== null) {
    const { en, zh } = splitBilingual(problem);
    return fail(bilingual(`${verdict.url.href} ${en}`, `${verdict.url.href} ${zh}`));
  }
  app.problems.clear(BASEMAP_KEY);
  return json as StyleSpecification;
}
