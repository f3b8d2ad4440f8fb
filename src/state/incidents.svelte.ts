/**
 * The incident layer's state: loaded after the first colored frame, parsed and joined in the worker,
 * never blocking the map. Cancels a stale load when a newer one starts.
 */
import { daysBetween } from '../core/dates.ts';
import { INCIDENT_TYPES } from '../core/incidents/incident-types.ts';
import { selectPoints, townshipCounts } from '../core/incidents/incident-view.ts';
import { reasonCounts } from '../core/incidents/skip-messages.ts';
import type { Progress, RequestResult } from '../worker/protocol.ts';
import type { DataState } from './data.svelte.ts';
import type { ProblemsState } from './problems.svelte.ts';
import type { ViewState } from './view.svelte.ts';
import { dataWorker } from './worker.ts';
import { useBoundariesInWorker } from './worker-boundaries.ts';
import { bilingual } from '../core/data-error.ts';

type Joined = RequestResult<'loadAndJoin'>;

export class IncidentsState {
  // Assigned in the constructor; the $derived fields below only read them later, when first used.
  private readonly data!: DataState;
  private readonly view!: ViewState;
  private readonly problems!: ProblemsState;

  constructor(data: DataState, view: ViewState, problems: ProblemsState) {
    this.data = data;
    this.view = view;
    this.problems = problems;
  }

  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  progress = $state.raw<Progress | null>(null);
  shown = $state(true);
  types = $state<boolean[]>(INCIDENT_TYPES.map(() => true));
  /** Days of incidents shown and counted: the window ending on the selected date. */
  windowDays = $state(7);
  joined = $state.raw<Joined | null>(null);
  codes = $state.raw<string[]>([]);
  /** Each code's place in the counts (a city of 100,000 townships would scan `codes` per panel read). */
  private position = $derived(new Map(this.codes.map((c, t) => [c, t])));

  /** Day offset of the selected date in the incident history (null without dated incidents). */
  day = $derived(this.dayOf(this.view.date));

  /** Sorted by day in the worker; each date step then reads only its window's points. */
  private byDay = $derived(this.joined?.points ?? null);

  /** What the map layer draws: the chosen types over the window ending on the selected date. */
  points = $derived.by(() => {
    if (!this.byDay || !this.shown) return null;
    const end = this.day;
    const [from, to] = end === null ? [0, 65535] : [end - this.windowDays + 1, end];
    return selectPoints(this.byDay, this.types, from, to);
  });

  visibleCount = $derived(this.points?.length ?? 0);

  /** City-wide counts per type over the window ending on the selected date. */
  totals = $derived.by(() => {
    const j = this.joined;
    if (!j) return null;
    const out = new Array<number>(j.typeCount).fill(0);
    const end = this.day;
    if (j.countsByDay && end !== null) {
      const K = j.typeCount;
      const per = j.townships * K;
      // Township by township, type by type: no division per count (a province's week is millions).
      for (let d = Math.max(0, end - this.windowDays + 1); d <= Math.min(j.dayCount - 1, end); d++) {
        for (let base = d * per, stop = base + per; base < stop; base += K) {
          for (let k = 0; k < K; k++) out[k] += j.countsByDay[base + k];
        }
      }
    } else {
      for (let i = 0; i < j.counts.length; i++) out[i % j.typeCount] += j.counts[i];
    }
    return out;
  });

  private controller: AbortController | null = null;
  /** Loads the incidents now on screen again (after new boundaries); null before any load succeeded. */
  private again: (() => Promise<boolean>) | null = null;


  /** Day offset (in the incident history) of a YYYY-MM-DD date, or null without dated incidents. */
  dayOf(date: string | null): number | null {
    const start = this.joined?.startDay;
    return start && date ? daysBetween(start, date) : null;
  }

  /** A township's incident counts per type over the window ending on the selected date. */
  countsFor(code: string): number[] | null {
    const j = this.joined;
    const t = this.position.get(code) ?? -1;
    if (!j || t < 0) return null;
    const end = this.day;
    if (j.countsByDay && end !== null) return townshipCounts(j.countsByDay, j.townships, j.typeCount, t, end - this.windowDays + 1, end);
    return Array.from(j.counts.subarray(t * j.typeCount, (t + 1) * j.typeCount));
  }

  /** The data set's own incidents file, or the one named by `?incidents=` in the page URL; true when joined. */
  async load(override: URL | null): Promise<boolean> {
    const path = this.data.manifest?.incidents;
    const url = override ?? (path ? this.data.url(path) : null);
    if (!url) return true;
    const ok = await this.run({ file: url.pathname.split('/').pop() || url.href, url: url.href });
    if (ok) this.again = () => this.load(override);
    return ok;
  }

  /** A file the user picked: parsed and joined in the worker; the last good data stays if it fails. */
  async loadFile(file: File): Promise<boolean> {
    const ok = await this.run({ file: file.name, bytes: await file.arrayBuffer() });
    if (ok) this.again = () => this.loadFile(file);
    return ok;
  }

  /** New boundaries: the incidents on screen are joined again against them (true when nothing was loaded). */
  rejoin(): Promise<boolean> {
    return this.again ? this.again() : Promise.resolve(true);
  }

  private async run(source: { file: string; url?: string; bytes?: ArrayBuffer }): Promise<boolean> {
    const { boundaries } = this.data;
    if (!boundaries) return false;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.status = 'loading';
    performance.mark('five-color:incidents-start');
    try {
      const client = await dataWorker();
      const codes = await useBoundariesInWorker(boundaries);
      if (controller.signal.aborted) return false;
      this.codes = codes;
      const joined = await client.request(
        'loadAndJoin',
        { ...source, returnPoints: true, audit: true },
        { signal: controller.signal, onProgress: (p) => (this.progress = p) },
      );
      performance.mark('five-color:incidents-joined');
      if (joined.count === 0 && joined.rowCount > 0) {
        // Nothing is lost: a file whose every row is skipped never replaces what is on screen.
        this.status = this.joined ? 'ready' : 'error';
        const reasons = reasonCounts(joined.skippedByReason);
        const first = joined.skipped[0];
        this.problems.report(
          source.file,
          bilingual(
            `${source.file}: all ${joined.rowCount} rows were skipped (${reasons.en}${first ? `; first: row ${first.row}, ${first.reason}` : ''}) — ${this.joined ? 'the incidents shown before stay on the map' : 'no incidents are shown'}; fix the rows and load the file again`,
            `${source.file}：${joined.rowCount} 行全部被跳过（${reasons.zh}）——${this.joined ? '地图上仍显示之前的事件' : '未显示任何事件'}；请修正后重新载入`,
          ),
        );
        return false;
      }
      this.joined = joined;
      this.status = 'ready';
      if (joined.skippedCount > 0) {
        const reasons = reasonCounts(joined.skippedByReason);
        this.problems.report(
          source.file,
          bilingual(
            `${source.file}: ${joined.skippedCount} of ${joined.rowCount} rows skipped (${reasons.en}) — the other incidents are shown; fix those rows and load the file again`,
            `${source.file}：${joined.rowCount} 行中有 ${joined.skippedCount} 行被跳过（${reasons.zh}），其余事件照常显示；请修正这些行后重新载入`,
          ),
        );
      } else {
        this.problems.clear(source.file);
      }
      return true;
    } catch (error) {
      if ((error as Error).name === 'AbortError') return false;
      this.status = this.joined ? 'ready' : 'error';
      // Keyed by the file this load was for, so the next good load of it clears the message.
      const message = (error as Error).message;
      this.problems.report(source.file, message.includes(source.file) ? message : `${source.file}: ${message}`);
      return false;
    } finally {
      if (this.controller === controller) this.progress = null;
    }
  }
}
