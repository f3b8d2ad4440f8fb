/**
 * Where the files a city does not export come from: the output folder's current data set (its
 * manifest names them), else the built-in one (public/data). So a city that exports only its
 * daily indicators and incidents keeps the boundaries, overlays and index config it published
 * before, and a first publish starts from the defaults.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bilingual, DataError } from '../../src/core/data-error.ts';
import { parseManifest, type Manifest } from '../../src/core/manifest.ts';

export const BUILTIN_DATA_DIR = fileURLToPath(new URL('../../public/data/', import.meta.url));

export type BaseKey = 'boundaries' | 'daily' | 'indexConfig' | 'hazardZones' | 'hazardSites' | 'teams' | 'coverage' | 'overlaysConfig';

export interface BaseText {
  readonly name: string;
  readonly text: string;
  /** Which folder it came from, for the report. */
  readonly from: string;
}

export interface BaseFolder {
  readonly manifest: Manifest;
  get(key: BaseKey): BaseText | null;
}

function pathOf(m: Manifest, key: BaseKey): string | null {
  switch (key) {
    case 'boundaries':
      return m.boundaries;
    case 'daily':
      return m.daily;
    case 'indexConfig':
      return m.indexConfig;
    case 'overlaysConfig':
      return m.overlays?.config ?? null;
    default:
      return m.overlays?.[key] ?? null;
  }
}

function folder(dir: string): { dir: string; manifest: Manifest } | null {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) return null;
  try {
    return { dir, manifest: parseManifest(readFileSync(file, 'utf8'), file) };
  } catch {
    return null; // a broken output folder is replaced as a whole; the built-in set fills in
  }
}

export function baseFolder(outDir: string, builtinDir = BUILTIN_DATA_DIR): BaseFolder {
  const sources = [folder(outDir), folder(builtinDir)].filter((s): s is { dir: string; manifest: Manifest } => s !== null);
  if (sources.length === 0) {
    throw new DataError(
      'manifest.json',
      bilingual(
        `is in neither ${outDir} nor ${builtinDir}, so publish has no earlier data set to take the other files from — restore the built-in data (public/data) from the app's release`,
        `${outDir} 和 ${builtinDir} 中都没有此文件，发布程序无法沿用以前的数据；请从应用的发布包中恢复内置数据（public/data）`,
      ),
    );
  }
  return {
    manifest: sources[0]!.manifest,
    get(key) {
      for (const s of sources) {
        const name = pathOf(s.manifest, key);
        if (name !== null && existsSync(join(s.dir, name))) return { name, text: readFileSync(join(s.dir, name), 'utf8'), from: s.dir };
      }
      return null;
    },
  };
}
