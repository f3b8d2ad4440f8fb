/**
 * A problem with an input file, always naming the file so the message can be shown as is.
 *
 * Message style (data/FORMATS.md, "Messages"): `<file>: <English> · <中文>` — the English part first
 * (what is wrong: the row or feature, the field, the value; then the fix after "—" or ";"), then " · "
 * and the same in Chinese. {@link bilingual} joins the two halves.
 */
export class DataError extends Error {
  readonly file: string;
  /** The message without the file name. */
  readonly problem: string;
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'DataError';
    this.file = file;
    this.problem = problem;
  }
}

/**
 * Several problems of one file at once, so a clerk fixes a spreadsheet in one go instead of one
 * row per run. Its message is the first problem's (and how many more); `errors` has the listed ones.
 */
export class DataErrorList extends DataError {
  constructor(
    readonly errors: readonly DataError[],
    readonly total: number,
  ) {
    const more = total - 1;
    super(errors[0]!.file, more > 0 ? `${errors[0]!.problem} (+${more} more · 另有 ${more} 处)` : errors[0]!.problem);
    this.name = 'DataErrorList';
  }
}

/** Collects a file's problems (listing the first `limit`) and throws them together. */
export class ProblemList {
  readonly errors: DataError[] = [];
  total = 0;
  constructor(
    readonly file: string,
    readonly limit = 20,
  ) {}

  add(problem: string): void {
    this.total++;
    if (this.errors.length < this.limit) this.errors.push(new DataError(this.file, problem));
  }

  throwIfAny(): void {
    if (this.total > 0) throw this.total === 1 ? this.errors[0]! : new DataErrorList(this.errors, this.total);
  }
}

/** One message in both languages, the house style of every DataError problem. */
export function bilingual(en: string, zh: string): string {
  return `${en} · ${zh}`;
}

export function parseJson(text: string, file: string): unknown {
  if (text.trim() === '') throw new DataError(file, bilingual('the file is empty — export it again', '文件是空的，请重新导出'));
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    // A cut-off download or copy ends the text early; say so rather than only quoting the parser.
    const at = /position (\d+)/.exec(message);
    const truncated = /end of (JSON )?input|Unterminated/i.test(message) || (at !== null && Number(at[1]) >= text.trimEnd().length);
    throw new DataError(
      file,
      truncated
        ? bilingual(`not valid JSON: the file ends too early (${message}), it was probably cut off — copy or export it again`, '不是有效的 JSON：文件提前结束，可能没有传完整，请重新复制或导出')
        : bilingual(`not valid JSON (${message}) — save it from the GIS tool as GeoJSON/TopoJSON/JSON, not edited by hand`, '不是有效的 JSON 文件，请从 GIS 工具重新导出'),
    );
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
