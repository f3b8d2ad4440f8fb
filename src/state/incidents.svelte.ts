/**
 * The incident layer's state: loaded after the first colored frame, parsed and joined in the worker,
 * never blocking the map. Cancels a stale load when a newer one starts.
 */
import { INCIDENT_TYPES } from '../core/join/incident-types.ts';
import { townshipCounts } from '../core/incident-view.ts';
import type { Progress, RequestResult } from '../worker/protocol.ts';
import type { WorkerClient } from '../worker/client.ts';
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
  codes = $state.raw<string[]>([]);

  private client: WorkerClient | null = null;
  private controller: AbortController | null = null;

  /** Day offset (in the incident history) of a YYYY-MM-DD date, or null without dated incidents. */
  dayOf(date: string | null): number | null {
    const start = this.joined?.startDay;
    if (!start || !date) return null;
    return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
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

  async load(app: AppState, manifestHref: URL): Promise<void> {
    const { manifest, boundaries } = app;
    if (!manifest?.incidents || !boundaries) return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const url = new URL(manifest.incidents, manifestHref);
    const file = url.pathname.split('/').pop() ?? manifest.incidents;
    this.status = 'loading';
    try {
      if (!this.client) {
        const { createJoinWorker } = await import('../worker/client.ts');
        this.client = createJoinWorker();
      }
      const onProgress = (p: Progress): void => {
        this.progress = p;
      };
      const set = await this.client.request(
        'setBoundaries',
        { features: boundaries.townships.features, file: manifest.boundaries },
        { signal: controller.signal },
      );
      const joined = await this.client.request('loadAndJoin', { file, url: url.href, returnPoints: true }, { signal: controller.signal, onProgress });
      this.codes = set.codes;
      this.joined = joined;
      this.status = 'ready';
      if (joined.skippedCount > 0) app.report(file, `${file}: ${joined.skippedCount} rows skipped (${Object.entries(joined.skippedByReason).map(([r, n]) => `${n} ${r}`).join(', ')})`);
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      this.status = this.joined ? 'ready' : 'error';
      app.report(file, (error as Error).message);
    } finally {
      if (this.controller === controller) this.progress = null;
    }
  }
}
