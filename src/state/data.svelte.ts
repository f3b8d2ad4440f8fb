/**
 * The data set as loaded: manifest, boundaries and the daily levels. A file that fails leaves the
 * previous good value in place and reports itself; one that loads clears its own report.
 */
import { parseBoundaries, type Boundaries } from '../core/boundaries/boundaries.ts';
import { joinBilingual } from '../core/data-error.ts';
import { DEFAULT_BANDS, type Bands } from '../core/levels.ts';
import { parseLevelsFile, type LevelsFile } from '../core/levels-file.ts';
import { parseManifest, type Manifest } from '../core/manifest.ts';
import { fetchFile, fileName } from './fetch.ts';
import type { ProblemsState } from './problems.svelte.ts';

export class DataState {
  manifest = $state.raw<Manifest | null>(null);
  boundaries = $state.raw<Boundaries | null>(null);
  levels = $state.raw<LevelsFile | null>(null);
  bands = $state.raw<Bands>(DEFAULT_BANDS);
  /** The first load has finished (manifest and boundaries in, levels tried): the map may start. */
  started = $state(false);

  /** Township codes in the boundaries' order, the order every per-township array follows. */
  codes = $derived(this.boundaries ? [...this.boundaries.byCode.keys()] : []);

  /** manifest.json's URL: every other path of the data set is relative to it (set from config.json before the first load). */
  source: URL;
  private readonly problems: ProblemsState;

  constructor(source: URL, problems: ProblemsState) {
    this.source = source;
    this.problems = problems;
  }

  /** A path of the data set as a URL. */
  url(path: string): URL {
    return new URL(path, this.source);
  }

  /** Fetches manifest.json; its fallen-back optional values are its problem entry. */
  async loadManifest(): Promise<boolean> {
    let warnings: readonly string[] = [];
    const ok = await this.load(this.source, (text, file) => {
      this.manifest = parseManifest(text, file);
      warnings = this.manifest.warnings;
    });
    if (ok && warnings.length > 0) {
      // One entry with one English and one Chinese half, so the banner shows the screen's language.
      const file = fileName(this.source);
      const prefix = `${file}: `;
      this.problems.report(file, prefix + joinBilingual(warnings.map((w) => (w.startsWith(prefix) ? w.slice(prefix.length) : w))));
    }
    return ok;
  }

  async loadBoundaries(): Promise<boolean> {
    const path = this.manifest?.boundaries;
    return path ? this.load(this.url(path), (text, file) => (this.boundaries = parseBoundaries(text, file))) : false;
  }

  /** Fetches levels.json again; true when new levels are in place. */
  async loadLevels(): Promise<boolean> {
    const path = this.manifest?.levels;
    const boundaries = this.boundaries;
    if (!path || !boundaries) return false;
    return this.load(this.url(path), (text, file) => (this.levels = parseLevelsFile(text, file, new Set(boundaries.byCode.keys()))));
  }

  private async load(url: URL, parse: (text: string, file: string) => unknown): Promise<boolean> {
    try {
      const { file, text } = await fetchFile(url);
      parse(text, file);
      this.problems.clear(file);
      return true;
    } catch (error) {
      this.problems.fail(error, fileName(url));
      return false;
    }
  }
}
