/**
 * One publish run as a function (the CLI and the tests call it): read the exports, build the folder,
 * write it (unless checking) and say what happened in lines for the terminal. Never throws for bad
 * input: every DataError becomes a report line and `ok: false`.
 */
import { bilingual, DataError } from '../../src/core/data-error.ts';
import { baseFolder } from './base-folder.ts';
import { buildDataFolder } from './build-folder.ts';
import { Collector, PublishError } from './collect.ts';
import { readExportsFolder, type ExportsFolder } from './exports-folder.ts';
import { Phases, type PhaseTime } from './phases.ts';
import { replaceFolder } from './write-folder.ts';

export interface PublishRun {
  readonly exportsDir: string;
  readonly out: string;
  readonly check?: boolean;
  /** ISO 8601 with an offset; default now, in Beijing time. */
  readonly asOf?: string;
  readonly maxFileBytes?: number;
  /** Defaults for files neither the exports nor the output folder has (default public/data). */
  readonly builtinDir?: string;
}

export interface PublishOutcome {
  readonly ok: boolean;
  readonly lines: string[];
  readonly errors: readonly DataError[];
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
  /** Wall-clock milliseconds per step, in run order (data/publish/phases.ts). */
  readonly phases: readonly PhaseTime[];
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Now as `YYYY-MM-DDTHH:MM:SS+08:00`. */
export function beijingNow(now = Date.now()): string {
  return `${new Date(now + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

export function publish(run: PublishRun): PublishOutcome {
  const asOf = run.asOf ?? beijingNow();
  if (!ISO_WITH_OFFSET.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    const e = new DataError('--as-of', bilingual(`"${asOf}" is not a date and time with an offset — write it like 2026-11-25T06:00:00+08:00`, `“${asOf}”不是带时区的日期时间，请写成 2026-11-25T06:00:00+08:00`));
    return { ok: false, lines: [e.message], errors: [e], phases: [] };
  }
  const phases = new Phases();
  const problems = new Collector();
  const exports = problems.attempt(() => readExportsFolder(run.exportsDir, { maxFileBytes: run.maxFileBytes }));
  phases.lap('read files');
  if (!exports) return failed(problems.errors, run, phases);
  try {
    const built = buildDataFolder(exports as ExportsFolder, baseFolder(run.out, run.builtinDir), { asOf, phases });
    const head = run.check ? `check passed: ${run.exportsDir} would publish to ${run.out} (nothing written) · 检查通过，未写入任何文件` : `published ${run.exportsDir} → ${run.out} · 发布完成`;
    if (!run.check) {
      replaceFolder(run.out, built.files);
      phases.lap('write folder');
    }
    const lines = [head, ...built.summary.map((s) => `  ${s}`), ...built.notes.map((n) => `  note: ${n}`)];
    return { ok: true, lines, errors: [], files: built.files, phases: phases.list() };
  } catch (error) {
    if (error instanceof PublishError) return failed(error.errors, run, phases);
    if (error instanceof DataError) return failed([error], run, phases);
    throw error;
  }
}

function failed(errors: readonly DataError[], run: PublishRun, phases?: Phases): PublishOutcome {
  const head = `${run.check ? 'check' : 'publish'} failed: ${errors.length} problem${errors.length === 1 ? '' : 's'}; ${run.out} was not changed · ${run.check ? '检查' : '发布'}失败：${errors.length} 处问题，${run.out} 未作任何修改`;
  return { ok: false, lines: [head, ...errors.map((e) => `  ${e.message}`)], errors, phases: phases?.list() ?? [] };
}
