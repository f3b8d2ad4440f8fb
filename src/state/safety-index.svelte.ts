/**
 * The explained safety index: daily.json + index-config.json + the worker's incident counts → the
 * engine's full result (sub-scores, inputs, overrides). levels.json already colors the map on first
 * paint; this adds the "why" for the panel and the change list once incidents are joined. After the
 * user imports an index config or indicators, the map shows this index (and the config's bands)
 * instead, since seeing what they give is what they were imported for.
 */
import type { DailyData } from '../core/daily-file.ts';
import { compareWithLevels } from '../core/safety-index/compare-levels.ts';
import { toLevelsFile } from '../core/safety-index/to-levels-file.ts';
import type { IndexInputs } from '../core/safety-index/index-inputs.ts';
import type { IndexResult } from '../core/safety-index/index-result.ts';
import { domainChanges, townshipDay } from '../core/safety-index/explain.ts';
import { INCIDENT_TYPE_COUNT } from '../core/incidents/incident-types.ts';
import { daysBetween } from '../core/dates.ts';
import { DOMAIN_LABELS } from '../core/safety-index/domains.ts';
import { inLocale } from '../i18n/bilingual.ts';
import { formatChange, joinList } from '../i18n/format.ts';
import { MESSAGES, type Locale } from '../i18n/messages.ts';
import type { DataState } from './data.svelte.ts';
import { fetchFile } from './fetch.ts';
import type { IncidentsState } from './incidents.svelte.ts';
import type { OverlaysState } from './overlays.svelte.ts';
import type { ProblemsState } from './problems.svelte.ts';
import { dataWorker } from './worker.ts';
import { bilingual } from '../core/data-error.ts';

export class SafetyIndexState {
  result = $state.raw<IndexResult | null>(null);
  daily = $state.raw<DailyData | null>(null);
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');

  private readonly source: DataState;
  private readonly incidents: IncidentsState;
  private readonly overlays: OverlaysState;
  private readonly problems: ProblemsState;
  /** The index config's file name, the key of its problem entry. */
  private configFile: string | null = null;
  /** Whether the last run had every input the published levels were computed from (else no comparison). */
  private inputsComplete = false;
  /** An imported index config or daily inputs, used instead of the data set's files until replaced. */
  private configOverride: { file: string; text: string } | null = null;
  private dailyOverride: DailyData | null = null;
  /** The last daily.json read, so a re-run for new incidents or boundaries parses it again only if it changed. */
  private dailyRead: { text: string; codes: string; daily: DailyData } | null = null;

  /** The index-config check's outcome (the audit lists it): null until it could run. */
  check = $state.raw<{ compared: number; differing: number; first: { date: string; code: string; published: number | null; engine: number | null } | null; file: string } | { skipped: string } | null>(null);

  /**
   * Whether the map shows this engine's index instead of the published levels: from an imported
   * index config or indicators on (what the user imported them for), until a levels file is imported.
   */
  private showsImported = false;

  /** An imported index-config.json: the engine runs with it from now on, and the map shows its levels. */
  useConfig(file: string, text: string): Promise<boolean> {
    this.configOverride = { file, text };
    this.showsImported = true;
    return this.load();
  }

  /** Imported daily inputs (an indicators CSV merged into daily.json's days); the map shows their index. */
  useDaily(daily: DailyData): Promise<boolean> {
    this.dailyOverride = daily;
    this.showsImported = true;
    return this.load();
  }

  /** An imported levels file: the map shows it; the engine only explains again. */
  showPublished(): void {
    this.showsImported = false;
  }

  constructor(source: DataState, incidents: IncidentsState, overlays: OverlaysState, problems: ProblemsState) {
    this.source = source;
    this.incidents = incidents;
    this.overlays = overlays;
    this.problems = problems;
  }

  /** One township on one date, explained; null when the engine has not run or the date is outside it. */
  explain(code: string, date: string | null): ReturnType<typeof townshipDay> | null {
    const r = this.result;
    if (!r || !date || !r.codes.includes(code)) return null;
    try {
      return townshipDay(r, code, date);
    } catch {
      return null;
    }
  }

  /** The domains that moved a township most since the day before, as a short text in `locale`. */
  reasons(code: string, date: string | null, locale: Locale): string | null {
    const r = this.result;
    if (!r || !date || !r.codes.includes(code)) return null;
    try {
      const change = domainChanges(r, code, date, 2);
      if (!change || change.domains.length === 0) {
        const rule = change?.overrideAfter ? r.config.overrides.find((o) => o.id === change.overrideAfter) : undefined;
        return rule ? MESSAGES[locale]['township.rule'](inLocale(rule.label, locale)) : null;
      }
      return joinList(locale, change.domains.map((m) => `${DOMAIN_LABELS[m.id][locale]} ${formatChange(locale, m.indexDelta, 1)}`));
    } catch {
      return null;
    }
  }

  /** Rainfall (mm) of each township code on a date, from daily.json; null without it. */
  rainfallOn(date: string | null, codes: readonly string[]): (number | null)[] | null {
    const daily = this.daily;
    const rain = daily?.series.rainfall;
    if (!daily || !rain || !date) return null;
    const d = daysBetween(daily.startDay, date);
    if (d < 0 || d >= daily.dayCount) return null;
    const T = daily.codes.length;
    const pos = new Map(daily.codes.map((c, t) => [c, t]));
    return codes.map((c) => {
      const t = pos.get(c);
      const v = t === undefined ? Number.NaN : rain[d * T + t];
      return Number.isNaN(v) ? null : v;
    });
  }

  /** Fetches daily.json and index-config.json and runs the engine; true when its result is in place. */
  async load(): Promise<boolean> {
    const { manifest, boundaries } = this.source;
    const joined = this.incidents.joined;
    if (!boundaries) return false;
    if (!manifest?.daily || !manifest.indexConfig) return true;
    this.status = 'loading';
    try {
      // Parsers and the inputs' assembly load with the first run, after the first colored frame.
      const [{ parseIndexConfig }, { parseDailyFile }, { assembleIndexInputs }] = await Promise.all([
        import('../core/safety-index/config.ts'),
        import('../core/daily-file.ts'),
        import('../core/safety-index/inputs.ts'),
      ]);
      const codes = [...boundaries.byCode.keys()];
      const configFile = this.configOverride ?? (await fetchFile(this.source.url(manifest.indexConfig)));
      const config = parseIndexConfig(configFile.text, configFile.file);
      let daily = this.dailyOverride;
      if (!daily) {
        const dailyFile = await fetchFile(this.source.url(manifest.daily));
        const codesKey = codes.join();
        const last = this.dailyRead;
        daily = last && last.text === dailyFile.text && last.codes === codesKey ? last.daily : parseDailyFile(dailyFile.text, dailyFile.file, new Set(codes));
        this.dailyRead = { text: dailyFile.text, codes: codesKey, daily };
        this.problems.clear(dailyFile.file);
      }
      this.daily = daily;
      const shares = this.overlays.shares;
      const inputs = assembleIndexInputs(daily, {
        codes,
        hazardShares: shares ? { codes, high: codes.map((c) => shares.get(c)!.high), medium: codes.map((c) => shares.get(c)!.medium) } : null,
        coverage: shares ? { codes, share: codes.map((c) => shares.get(c)!.covered) } : null,
        incidents:
          joined?.countsByDay && joined.startDay
            ? { countsByDay: joined.countsByDay, codes: this.incidents.codes, startDay: joined.startDay, dayCount: joined.dayCount, typeCount: INCIDENT_TYPE_COUNT }
            : null,
      });
      // The engine runs in the worker like the join, so a city-sized config never stalls the map.
      // Its inputs are transferred there (and come back in the result), so arrays shared with
      // daily.json's parse — still read here for rainfall — go as copies.
      this.result = await (await dataWorker()).request('computeIndex', { config, file: configFile.file, inputs: detachable(inputs, daily) });
      this.configFile = configFile.file;
      // The published levels were computed with the incidents and the overlays' shares: without
      // them the engine gives other numbers, and a "differs" alarm would be false.
      this.inputsComplete = (!manifest.incidents || !!joined?.countsByDay) && (!manifest.overlays || !!shares);
      this.status = 'ready';
      this.compare();
      return true;
    } catch (error) {
      this.status = this.result ? 'ready' : 'error';
      this.problems.fail(error, manifest.indexConfig.split('/').pop() ?? 'index');
      return false;
    }
  }

  /**
   * Checks the published levels against the engine's result; called after each run and whenever
   * levels.json reloads on its own (the engine's inputs unchanged, so it need not run again).
   */
  compare(): void {
    const result = this.result;
    const published = this.source.levels;
    const file = this.configFile;
    if (!result || (!published && !this.showsImported) || !file) return;
    if (!this.inputsComplete) {
      // Not a disagreement: the check cannot be made. Whatever failed has its own entry.
      this.problems.clear(file);
      this.check = { skipped: bilingual('not checked: the incidents or the hazard/coverage layers did not load, and the published index was computed with them', '未检查：事件或地灾/覆盖图层未载入，而发布的指数是用它们计算的') };
      return;
    }
    if (this.showsImported) {
      // The imported files' index and bands color the map (also over a levels.json that reloads).
      this.source.levels = toLevelsFile(result);
      this.source.bands = result.config.bands;
      this.problems.clear(file);
      this.check = { skipped: bilingual('not checked: the map shows the index recomputed from the imported files, not the published one', '未检查：地图显示的是按导入文件重新计算的指数，而不是发布的指数') };
      return;
    }
    const disagreement = compareWithLevels(result, published!);
    this.check = { ...disagreement, file };
    if (!disagreement?.first) {
      this.problems.clear(file);
      return;
    }
    const { date, code, published: p, engine } = disagreement.first;
    const show = (v: number | null): string => (v === null ? '—' : v.toFixed(1));
    const levelsFile = this.source.manifest?.levels.split('/').pop() ?? 'levels.json';
    const name = this.source.boundaries?.byCode.get(code)?.name ?? code;
    this.problems.report(
      file,
      bilingual(
        `${levelsFile}: the published index differs from what ${file} gives on ${disagreement.differing} of ${disagreement.compared} township-days (first: ${name} ${code} on ${date}, published ${show(p)}, ${file} gives ${show(engine)}). The map shows the published index; the township panel's explanation uses ${file}. Ask whoever publishes the data to publish again with this ${file}`,
        `${levelsFile}：发布的指数与 ${file} 计算结果在 ${disagreement.compared} 个乡镇·日中有 ${disagreement.differing} 个不一致（首个：${name} ${code}，${date}，发布值 ${show(p)}，按 ${file} 为 ${show(engine)}）。地图显示发布的指数，乡镇面板按 ${file} 解释。请数据发布人员用此 ${file} 重新发布`,
      ),
    );
    // The fix is the publisher's: the command goes to the console, not the screen.
    console.info(`${file}: run \`npm run publish\` (or \`npm run data\`) to publish the index this config gives.`);
  }
}

/** `inputs` with every series array that is also one of `daily`'s replaced by a copy. */
function detachable(inputs: IndexInputs, daily: DailyData): IndexInputs {
  const shared = new Set<unknown>(Object.values(daily.series));
  const series = Object.fromEntries(Object.entries(inputs.series ?? {}).map(([id, values]) => [id, values && shared.has(values) ? values.slice() : values]));
  return { ...inputs, series };
}
