/**
 * Geological-hazard zones, hazard sites, rescue teams and their coverage: what is loaded, what is
 * switched on, and the per-township analysis (area shares from the worker, the gap list per date).
 * A bad feature is skipped and named; the rest still shows.
 */
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { featureCollection } from '@turf/helpers';
import { parseCoverageLenient, parseHazardSitesLenient, parseHazardZonesLenient, parseOverlaysConfig, parseTeamsLenient } from '../core/overlays/parse-overlays.ts';
import { gapList, type GapEntry } from '../core/overlays/gap-list.ts';
import type { OverlaysConfig, TeamProperties } from '../core/overlays/types.ts';
import type { OverlayData, OverlayId } from '../map/overlay-layers.ts';
import { dataWorker } from './worker.ts';
import type { AppState } from './app.svelte.ts';

export interface OverlayToggle {
  on: boolean;
  opacity: number;
}

export interface TownshipShares {
  high: number;
  medium: number;
  low: number;
  covered: number;
}

export class OverlaysState {
  data = $state.raw<OverlayData | null>(null);
  config = $state.raw<OverlaysConfig | null>(null);
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  toggles = $state<Record<OverlayId, OverlayToggle>>({
    zones: { on: false, opacity: 1 },
    coverage: { on: false, opacity: 1 },
    sites: { on: false, opacity: 1 },
    teams: { on: false, opacity: 1 },
  });
  /** Per township code: share of its area in each hazard class and covered by teams. */
  shares = $state.raw<Map<string, TownshipShares> | null>(null);

  /** "High risk, low coverage" townships for the selected date (null until shares are in). */
  gaps(app: AppState, rainfall: (number | null)[] | null): GapEntry[] | null {
    const shares = this.shares;
    const config = this.config;
    if (!shares || !config || !app.boundaries) return null;
    const codes = [...app.boundaries.byCode.keys()];
    return gapList({
      codes,
      names: codes.map((c) => app.boundaries!.byCode.get(c)!.name),
      levels: codes.map((c) => app.levelByCode.get(c) ?? null),
      rainfall,
      highShare: codes.map((c) => shares.get(c)!.high),
      coverage: codes.map((c) => shares.get(c)!.covered),
      seats: codes.map((c) => app.boundaries!.byCode.get(c)!.seat),
      teams: this.teams(),
      config,
    });
  }

  teams(): Feature<Point, TeamProperties>[] {
    return (this.data?.teams.features ?? []) as Feature<Point, TeamProperties>[];
  }

  async load(app: AppState, manifestHref: URL): Promise<void> {
    const m = app.manifest;
    if (!m?.overlays || !app.boundaries) return;
    this.status = 'loading';
    const files = m.overlays;
    const text = async (path: string): Promise<{ name: string; text: string }> => {
      const url = new URL(path, manifestHref);
      const name = url.pathname.split('/').pop() ?? path;
      const response = await fetch(url, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      return { name, text: await response.text() };
    };
    try {
      const [zones, sites, teams, coverage, config] = await Promise.all(
        [files.hazardZones, files.hazardSites, files.teams, files.coverage, files.config].map(text),
      );
      const z = parseHazardZonesLenient(zones.text, zones.name);
      const s = parseHazardSitesLenient(sites.text, sites.name);
      const t = parseTeamsLenient(teams.text, teams.name);
      const c = parseCoverageLenient(coverage.text, coverage.name);
      for (const problem of [...z.problems, ...s.problems, ...t.problems, ...c.problems]) app.report(problem.split(':')[0], problem);
      this.config = parseOverlaysConfig(config.text, config.name);
      const union = c.features.filter((f) => f.properties.class === 'covered');
      this.data = {
        zones: featureCollection(z.features),
        sites: featureCollection(s.features),
        teams: featureCollection(t.features),
        coverage: featureCollection(c.features),
        gaps: featureCollection(await uncovered(app, union, coverage.name)),
      };
      this.status = 'ready';

      const worker = await dataWorker();
      const result = await worker.request('areaShares', {
        townships: app.boundaries.townships.features,
        layers: [
          { name: zones.name, features: z.features, classes: ['high', 'medium', 'low'] },
          { name: coverage.name, features: union, classes: ['covered'] },
        ],
      });
      const codes = [...app.boundaries.byCode.keys()];
      const [hz, cv] = result.layers;
      this.shares = new Map(
        codes.map((code, i) => [code, { high: hz.shares[i * 3], medium: hz.shares[i * 3 + 1], low: hz.shares[i * 3 + 2], covered: cv.shares[i] }]),
      );
    } catch (error) {
      this.status = this.data ? 'ready' : 'error';
      const message = (error as Error).message;
      app.report(message.split(':')[0] ?? 'overlays', message);
    }
  }
}

/** The city minus the teams' reach: where no team arrives in time, drawn as shaded gaps. */
async function uncovered(app: AppState, reach: Feature<Polygon | MultiPolygon>[], name: string): Promise<Feature[]> {
  const city = app.boundaries?.outline;
  if (!city) return [];
  const { gap } = await (await dataWorker()).request('difference', { area: city, minus: reach, name });
  return gap ? [gap] : [];
}
