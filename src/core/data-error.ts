/** A problem with an input file, always naming the file so the message can be shown as is. */
export class DataError extends Error {
  readonly file: string;
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'DataError';
    this.file = file;
  }
}

export function parseJson(text: string, file: string): unknown {
  if (text.trim() === '') throw new DataError(file, 'the file is empty');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataError(file, `not valid JSON (${(error as Error).message})`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Check a file's `codes` array: strings, no duplicates, and (when given) each one a township of the
 * boundaries.
 */
export function checkTownshipCodes(codes: unknown, file: string, knownCodes?: ReadonlySet<string>): asserts codes is string[] {
  if (!Array.isArray(codes)) throw new DataError(file, '"codes" must be an array');
  const seen = new Set<string>();
  codes.forEach((c, i) => {
    if (typeof c !== 'string') throw new DataError(file, `codes[${i}] is not a string`);
    if (seen.has(c)) throw new DataError(file, `duplicate township code ${c}`);
    if (knownCodes && !knownCodes.has(c)) throw new DataError(file, `unknown township code ${c} (not in the boundaries)`);
    seen.add(c);
  });
}
