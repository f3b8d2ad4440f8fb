/**
 * How an imported levels file fits the boundaries on screen: codes it has that no township has
 * (their columns are left out, and listed in the audit), and townships it has no values for (drawn
 * as "no data"). Pure; the caller decides whether the file is usable (it is when one code fits).
 */
import type { LevelsFile } from '../levels-file.ts';

export interface LevelsFit {
  readonly levels: LevelsFile;
  readonly unknownCodes: string[];
  readonly missingCodes: string[];
}

export function fitLevels(levels: LevelsFile, known: readonly string[]): LevelsFit {
  const knownSet = new Set(known);
  const keep: number[] = [];
  const unknownCodes: string[] = [];
  levels.codes.forEach((c, t) => (knownSet.has(c) ? keep.push(t) : unknownCodes.push(c)));
  const inFile = new Set(levels.codes);
  const missingCodes = known.filter((c) => !inFile.has(c));
  if (unknownCodes.length === 0) return { levels, unknownCodes, missingCodes };
  return {
    levels: { version: 1, dates: levels.dates, codes: keep.map((t) => levels.codes[t]!), index: levels.index.map((row) => keep.map((t) => row[t] ?? null)) },
    unknownCodes,
    missingCodes,
  };
}
