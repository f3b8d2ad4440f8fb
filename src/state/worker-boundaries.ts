/**
 * The townships the data worker joins and measures against: sent once per set of boundaries and
 * shared by the incident join and the overlays' area shares (a city of 100,000 townships would
 * otherwise cross to the worker once for each). Imported boundaries are already there.
 */
import type { Boundaries } from '../core/boundaries/boundaries.ts';
import { dataWorker } from './worker.ts';

let current: { boundaries: Boundaries; codes: Promise<string[]> } | null = null;

/** Makes `boundaries` the worker's townships (if they are not yet); resolves to their codes in the worker's order. */
export function useBoundariesInWorker(boundaries: Boundaries, importedFile?: string): Promise<string[]> {
  if (current?.boundaries === boundaries) return current.codes;
  const codes = dataWorker()
    .then((worker) => worker.request('setBoundaries', importedFile ? { imported: importedFile, file: importedFile } : { features: boundaries.townships.features }))
    .then((set) => set.codes);
  const entry = { boundaries, codes };
  current = entry;
  // A failed attempt is not remembered: the next caller tries again.
  codes.catch(() => current === entry && (current = null));
  return codes;
}
