/**
 * Geological-hazard zones, hazard sites, rescue teams and their coverage: what is loaded, what is
 * switched on, and each township's area shares (from the worker). A bad feature is skipped and named;
 * the rest still shows.
 */
import type { Feature, Point } from 'geojson';
import { featureCollection } from '@turf/helpers';
import type { OverlaysConfig, TeamProperties } from '../core/overlays/types.ts';
import type { OverlayData, OverlayId, OverlayToggle } from './overlay-types.ts';
import type { DataState } from './data.svelte.ts';
import { fetchFile } from './fetch.ts';
import type { ProblemsState } from './problems.svelte.ts';
import { dataWorker } from './worker.ts';
import { useBoundariesInWorker } from './worker-boundaries.ts';
import { bilingual } from '../core/data-error.ts';
import { inLocale } from '../i18n/bilingual.ts';

export interface TownshipShares {
  high: number;
  medium: number;
  low: number;
  covered: number;
}

/** How many of one file's skipped features the banner names before it only counts the rest. */
const NAMED_PER_FILE = 3;

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

  teams = $derived((this.data?.teams.features ?? []) as Feature<Point, TeamProperties>[]);

  private readonly source: DataState;
  private readonly problems: ProblemsState;
  /** Imported teams or hazard zones, used instead of the data set's files until replaced. */
  private imported: Partial<Record<'teams' | 'hazardZones', { file: string; text: string }>> = {};

  /** An imported teams or hazard-zones file: the layers and the shares are rebuilt with it. */
  useFile(kind: 'teams' | 'hazardZones', file: string, text: string): Promise<boolean> {
    this.imported = { ...this.imported, [kind]: { file, text } };
    return this.load();
  }

  constructor(source: DataState, problems: ProblemsState) {
    this.source = source;
    this.problems = problems;
  }

  /** Loads all five files and the shares; true when they are in place (a skipped feature is not a failure). */
  async load(): Promise<boolean> {
    const { manifest, boundaries } = this.source;
    const files = manifest?.overlays;
    if (!boundaries) return false;
    if (!files) return true;
    this.status = 'loading';
    try {
      // The overlay parsers load with the first overlay load, after the first colored frame.
      const { parseCoverageLenient, parseHazardSitesLenient, parseHazardZonesLenient, parseOverlaysConfig, parseTeamsLenient } = await import('../core/overlays/parse-overlays.ts');
      const [fetchedZones, sites, fetchedTeams, coverage, config] = await Promise.all(
        [files.hazardZones, files.hazardSites, files.teams, files.coverage, files.config].map((path) => fetchFile(this.source.url(path))),
      );
      const zones = this.imported.hazardZones ?? fetchedZones;
      const teams = this.imported.teams ?? fetchedTeams;
      const z = this.lenient(zones, parseHazardZonesLenient);
      const s = this.lenient(sites, parseHazardSitesLenient);
      const t = this.lenient(teams, parseTeamsLenient);
      const c = this.lenient(coverage, parseCoverageLenient);
      this.config = parseOverlaysConfig(config.text, config.file);
      this.problems.clear(config.file);
      const union = c.filter((f) => f.properties.class === 'covered');
      const worker = await dataWorker();
      const { gap } = await worker.request('difference', { area: boundaries.outline, minus: union, name: coverage.file });
      this.data = {
        zones: featureCollection(z),
        sites: featureCollection(s),
        teams: featureCollection(t),
        coverage: featureCollection(c),
        gaps: featureCollection(gap ? [gap] : []),
      };
      this.status = 'ready';

      await useBoundariesInWorker(boundaries);
      const result = await worker.request('areaShares', {
        layers: [
          { name: zones.file, features: z, classes: ['high', 'medium', 'low'] },
          { name: coverage.file, features: union, classes: ['covered'] },
        ],
      });
      // Newer boundaries arrived meanwhile (the worker measured those): their own load sets the shares.
      if (this.source.boundaries !== boundaries || result.townships !== boundaries.byCode.size) return false;
      const [hz, cv] = result.layers;
      this.shares = new Map(
        [...boundaries.byCode.keys()].map((code, i) => [
          code,
          { high: hz.shares[i * 3], medium: hz.shares[i * 3 + 1], low: hz.shares[i * 3 + 2], covered: cv.shares[i] },
        ]),
      );
      // A fetch that failed before is keyed 'overlays' when the error named no file.
      this.problems.clear('overlays');
      return true;
    } catch (error) {
      this.status = this.data ? 'ready' : 'error';
      this.problems.fail(error, 'overlays');
      return false;
    }
  }

  /** Parses one overlay file keeping its good features; its skipped ones become its one entry. */
  private lenient<F>(input: { file: string; text: string }, parse: (text: string, file: string) => { features: F[]; problems: string[] }): F[] {
    const { features, problems } = parse(input.text, input.file);
    if (problems.length === 0) this.problems.clear(input.file);
    else {
      // Joined per language, so the entry keeps the one "English · 中文" shape the banner splits.
      const named = problems.slice(0, NAMED_PER_FILE);
      const rest = problems.length - NAMED_PER_FILE;
      const en = named.map((p) => inLocale(p, 'en')).join('; ') + (rest > 0 ? `; and ${rest} more` : '');
      const zh = named.map((p) => inLocale(p, 'zh')).join('；') + (rest > 0 ? `；另有 ${rest} 处` : '');
      this.problems.report(input.file, en === zh ? en : bilingual(en, zh));
    }
    return features;
  }
}
