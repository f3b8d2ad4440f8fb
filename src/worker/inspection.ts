import type { ImportInspection } from './protocol.ts';

/** What an inspection says before anything is recognised: nothing found, not usable. */
export function emptyInspection(file: string, bytes: number, problems: string[] = []): ImportInspection {
  return { file, bytes, kind: null, count: 0, rowCount: 0, skippedCount: 0, fields: [], extent: null, dateRange: null, problems, usable: false, unknownCodes: [], missingCodes: [] };
}
