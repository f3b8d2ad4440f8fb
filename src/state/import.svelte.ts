/**
 * Importing a file of the user's: read and recognised in the worker (inspectImport), shown in a
 * dialog, applied only when the user says so. Applying follows the load order: new boundaries are
 * drawn, then incidents re-joined, overlay shares and the index recomputed against them. A file that
 * cannot be used replaces nothing; its problem stays in the registry under the import's key until a
 * good file of that name is imported. Nothing is uploaded anywhere: the bytes go to our own worker.
 */
import { BoundariesAssembly } from '../core/boundaries/boundary-parts.ts';
import type { Boundaries } from '../core/boundaries/boundaries.ts';
import { bilingual } from '../core/data-error.ts';
import { fitLevels } from '../core/import/levels-fit.ts';
import { parseLevelsFile } from '../core/levels-file.ts';
import type { ImportInspection, Progress } from '../worker/protocol.ts';
import type { AuditState } from './audit.svelte.ts';
import type { DataState } from './data.svelte.ts';
import type { IncidentsState } from './incidents.svelte.ts';
import type { OverlaysState } from './overlays.svelte.ts';
import type { ProblemsState } from './problems.svelte.ts';
import type { SafetyIndexState } from './safety-index.svelte.ts';
import type { ViewState } from './view.svelte.ts';

/** The parts of the app an import replaces (the app itself imports this file). */
export interface ImportTarget {
  readonly data: DataState;
  readonly view: ViewState;
  readonly incidents: IncidentsState;
  readonly overlays: OverlaysState;
  readonly safetyIndex: SafetyIndexState;
  readonly problems: ProblemsState;
  readonly audit: AuditState;
}
import { dataWorker } from './worker.ts';
import { useBoundariesInWorker } from './worker-boundaries.ts';
import { emptyInspection } from '../worker/inspection.ts';

export type ImportPhase = 'idle' | 'reading' | 'inspected' | 'applying';

/** The registry key of an imported file's problem (apart from the data set's own file of that name). */
export const importKey = (file: string): string => `import:${file}`;

export class ImportState {
  phase = $state<ImportPhase>('idle');
  /** The file being imported (its name for the dialog while it is read). */
  fileName = $state<string | null>(null);
  inspection = $state.raw<ImportInspection | null>(null);
  progress = $state.raw<Progress | null>(null);
  /** The last import applied (the audit and tests read it). */
  applied = $state.raw<{ file: string; kind: string; at: number } | null>(null);

  private file: File | null = null;
  private controller: AbortController | null = null;
  private readonly app: ImportTarget;

  constructor(app: ImportTarget) {
    this.app = app;
  }

  /** Reads `file` in the worker and opens the dialog with what it is; a newer file cancels an older one. */
  async open(file: File): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.file = file;
    this.fileName = file.name;
    this.inspection = null;
    this.phase = 'reading';
    try {
      const bytes = await file.arrayBuffer();
      const worker = await dataWorker();
      const inspection = await worker.request(
        'inspectImport',
        { file: file.name, bytes, knownCodes: this.app.data.codes },
        { signal: controller.signal, onProgress: (p) => (this.progress = p) },
      );
      if (this.controller !== controller) return;
      this.inspection = inspection;
      this.phase = 'inspected';
      if (!inspection.usable) this.app.problems.report(importKey(file.name), inspection.problems[0] ?? `${file.name}: ${bilingual('cannot be imported — choose a boundaries, levels, incidents, indicators or overlay file', '无法导入，请选择边界、等级、事件、指标或图层文件')}`);
    } catch (error) {
      if ((error as Error).name === 'AbortError' || this.controller !== controller) return;
      this.inspection = failed(file, error);
      this.phase = 'inspected';
      this.app.problems.fail(error, importKey(file.name));
    } finally {
      if (this.controller === controller) this.progress = null;
    }
  }

  /** Closes the dialog; stops the reading of a file if it is still being read. Nothing changes. */
  cancel(): void {
    this.controller?.abort();
    this.controller = null;
    this.phase = 'idle';
    this.inspection = null;
    this.fileName = null;
  }

  /** Replaces what the file replaces, then closes the dialog. */
  async confirm(): Promise<boolean> {
    const inspection = this.inspection;
    const file = this.file;
    if (!inspection?.usable || !file || this.phase !== 'inspected') return false;
    this.phase = 'applying';
    const { app } = this;
    let ok = false;
    try {
      ok = await this.apply(inspection, file);
    } catch (error) {
      app.problems.fail(error, importKey(inspection.file));
    }
    if (ok) {
      app.problems.clear(importKey(inspection.file));
      this.applied = { file: inspection.file, kind: inspection.kind ?? '', at: Date.now() };
    }
    this.phase = 'idle';
    this.inspection = null;
    this.fileName = null;
    return ok;
  }

  private async apply(inspection: ImportInspection, file: File): Promise<boolean> {
    const { app } = this;
    const { data, incidents, overlays, safetyIndex, view } = app;
    switch (inspection.kind) {
      case 'boundaries': {
        if (!inspection.boundaryParts) return false;
        const boundaries = await takeBoundaries(inspection.file, inspection.boundaryParts);
        // Indexed where they were parsed: the townships do not cross to the worker again.
        await useBoundariesInWorker(boundaries, inspection.file);
        data.boundaries = boundaries;
        if (view.selected && !boundaries.byCode.has(view.selected)) view.selected = null;
        // Everything joined or measured against the old townships follows them.
        await Promise.all([incidents.rejoin(), overlays.load()]);
        await safetyIndex.load();
        return true;
      }
      case 'incidents': {
        const ok = await incidents.loadFile(file);
        if (ok) await safetyIndex.load();
        return ok;
      }
      case 'levels': {
        const fit = fitLevels(parseLevelsFile(inspection.text!, inspection.file), data.codes);
        const previousLatest = data.levels?.dates[data.levels.dates.length - 1] ?? null;
        data.levels = fit.levels;
        view.follow(fit.levels.dates, previousLatest);
        app.audit.setUnknownCodes(inspection.file, fit.unknownCodes);
        safetyIndex.showPublished();
        safetyIndex.compare();
        return true;
      }
      case 'indexConfig':
        return this.recolored(() => safetyIndex.useConfig(inspection.file, inspection.text!));
      case 'teams':
        return overlays.useFile('teams', inspection.file, inspection.text!);
      case 'hazardZones': {
        // The zones' shares are the geological exposure: the index is explained with the new ones.
        const ok = await overlays.useFile('hazardZones', inspection.file, inspection.text!);
        if (ok) await safetyIndex.load();
        return ok;
      }
      case 'indicators': {
        const daily = safetyIndex.daily;
        if (!daily) return false;
        const [{ parseIndicatorsCsv }, { mergeIndicators }] = await Promise.all([import('../core/indicators/parse-indicators.ts'), import('../core/import/merge-indicators.ts')]);
        const rows = parseIndicatorsCsv(inspection.text!, inspection.file, { knownCodes: new Set(data.codes), boundariesFile: data.manifest?.boundaries ?? 'townships.topo.json' });
        return this.recolored(() => safetyIndex.useDaily(mergeIndicators(daily, rows).daily));
      }
      default:
        return false;
    }
  }

  /** Runs the engine with an imported input; the map then shows its levels, on a date they have. */
  private async recolored(run: () => Promise<boolean>): Promise<boolean> {
    const { data, view } = this.app;
    const previousLatest = data.levels?.dates[data.levels.dates.length - 1] ?? null;
    const ok = await run();
    if (ok && data.levels) view.follow(data.levels.dates, previousLatest);
    return ok;
  }
}

/** The boundaries the worker read, a part per message, so no single message stalls the page. */
async function takeBoundaries(file: string, parts: number): Promise<Boundaries> {
  const worker = await dataWorker();
  const assembly = new BoundariesAssembly();
  for (let part = 0; part < parts; part++) assembly.add(await worker.request('importedBoundaries', { file, part }));
  return assembly.result();
}

/** An inspection for a file the worker could not even start on (e.g. it could not be read). */
function failed(file: File, error: unknown): ImportInspection {
  const message = (error as Error).message ?? String(error);
  return emptyInspection(file.name, file.size, [message.startsWith(file.name) ? message : `${file.name}: ${message}`]);
}
