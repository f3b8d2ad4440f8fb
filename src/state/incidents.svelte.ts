/**
 * The incident layer's state: loaded after the first colored frame, parsed and joined in the worker,
 * never blocking the map. Cancels a stale load when a newer one starts.
 */
import { INCIDENT_TYPES } from '../core/incidents/incident-types.ts';
import { townshipCounts } from '../core/incidents/incident-view.ts';
import type { Progress, RequestResult } from '../worker/protocol.ts';
import { dataWorker } from './worker.ts';
import { daysBetween } from '../core/dates.ts';
import type { AppState } from './app.svelte.ts';

type Joined = RequestResult<'loadAndJoin'>;

export class IncidentsState {
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  progress = $state.raw<Progress | null>(null);
  shown = $state(true);
  types = $state<boolean[]>(INCIDENT_TYPES.map(() => true));
  /** Days of incidents shown and counted: the window ending on the selected date. */
  windowDays = $state(7);
  joined = $state.raw<Joined | null>(null);
  /** Points the map layer currently draws (after the type and day filters). */
  visibleCount = $state(0);
  codes = $state.raw<string[]>([]);

  private boundariesSent: unknown = null;
  private controller: AbortController | null = null;

  /** Day offset (in the incident history) of a YYYY-MM-DD date, or null without dated incidents. */
  dayOf(date: string | null): number | null {
    const start = this.joined?.startDay;
    if (!start || !date) return null;
    return daysBetween(start, date);
  }

  /** A township's incident counts per type over the window ending on `date`. */
  countsFor(code: string, date: string | null): number[] | null {
    const j = this.joined;
    const t = this.codes.indexOf(code);
    if (!j || t < 0) return null;
    const end = this.dayOf(date);
    if (j.countsByDay && end !== null) return townshipCounts(j.countsByDay, j.townships, j.typeCount, t, end - this.windowDays + 1, end);
    return Array.from(j.counts.subarray(t * j.typeCount, (t + 1) * j.typeCount));
  }

  /** The data set's own incidents file, or the one named by `?incidents=` in the page URL. */
  async load(app: AppState, manifestHref: URL, location: Location): Promise<void> {
    const override = new URLSearchParams(location.search).get('incidents');
    const path = override ?? app.manifest?.incidents;
    if (!path) return;
    const url = override ? new URL(override, document.baseURI) : new URL(path, manifestHref);
    await this.run(app, { file: url.pathname.split('/').pop() || path, url: url.href });
  }

  /** A file the user picked: parsed and joined in the worker; the last good data stays if it fails. */
  async loadFile(app: AppState, file: File): Promise<void> {
    await this.run(app, { file: file.name, bytes: await file.arrayBuffer() });
  }

  private async run(app: AppState, source: { file: string; url?: string; bytes?: ArrayBuffer }): Promise<void> {
    const { boundaries } = app;
    if (!boundaries) return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.status = 'loading';
    performance.mark('five-color:incidents-start');
    try {
      const client = await dataWorker();
      if (this.boundariesSent !== boundaries) {
        const set = await client.request('setBoundaries', { features: boundaries.townships.features }, { signal: controller.signal });
        this.boundariesSent = boundaries;
        this.codes = set.codes;
      }
      const joined = await client.request(
        'loadAndJoin',
        { ...source, returnPoints: true },
        { signal: controller.signal, onProgress: (p) => (this.progress = p) },
      );
      performance.mark('five-color:incidents-joined');
      this.joined = joined;
      this.status = 'ready';
      if (joined.skippedCount > 0) {
        const reasons = Object.entries(joined.skippedByReason).map(([reason, n]) => `${n} ${reason}`);
        app.report(source.file, `${source.file}: ${joined.skippedCount} of ${joined.rowCount} rows skipped (${reasons.join(', ')})`);
      }
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      this.status = this.joined ? 'ready' : 'error';
      const message = (error as Error).message;
      app.report(source.file, message.includes(source.file) ? message : `${source.file}: ${message}`);
    } finally {
      if (this.controller === controller) this.progress = null;
    }
  }
}
