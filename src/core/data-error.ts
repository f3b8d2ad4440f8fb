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

/**
 * Several bilingual problems (without their file name) as one message that still has two halves:
 * the English ones, then the Chinese ones — so a screen shows one language, not a mix of both.
 */
export function joinBilingual(problems: readonly string[]): string {
  const halves = problems.map(splitBilingual);
  return bilingual(halves.map((h) => h.en).join('; '), halves.map((h) => h.zh).join('；'));
}

/** The two halves of a {@link bilingual} text (text of another shape is both). */
export function splitBilingual(text: string): { en: string; zh: string } {
  const at = text.indexOf(' · ');
  return at < 0 ? { en: text, zh: text } : { en: text.slice(0, at), zh: text.slice(at + 3) };
}

/** A value as a message quotes it: its JSON, cut short when long; `undefined` has none ("missing" / "缺失"). */
export function shown(value: unknown, missing = 'missing'): string {
  if (value === undefined) return missing;
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** A file whose "version" this app cannot read (files the publish tool writes). */
export function unsupportedVersion(version: unknown): string {
  return bilingual(
    `"version" is ${shown(version)}; this app reads version 1 — publish the data again with this app's publish tool (npm run publish)`,
    `“version”为 ${shown(version, '缺失')}，本应用只能读取版本 1，请用本应用的发布工具重新发布数据（npm run publish）`,
  );
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
  if (!Array.isArray(codes)) {
    throw new DataError(file, bilingual(`"codes" is ${shown(codes)}, not a list of township codes — write it like "codes": ["331102001", …]`, `“codes”为 ${shown(codes, '缺失')}，不是乡镇代码列表，请写成 "codes": ["331102001", …]`));
  }
  const seen = new Map<string, number>();
  codes.forEach((c, i) => {
    if (typeof c !== 'string') throw new DataError(file, bilingual(`codes[${i}] is ${shown(c)}, not a township code in quotes — write it like "331102001"`, `codes[${i}] 为 ${shown(c, '缺失')}，不是带引号的乡镇代码，请写成 "331102001" 这样`));
    const first = seen.get(c);
    if (first !== undefined) throw new DataError(file, bilingual(`duplicate township code ${c} (codes[${first}] and codes[${i}]) — list each township once`, `乡镇代码 ${c} 重复（codes[${first}] 和 codes[${i}]），每个乡镇只能列一次`));
    if (knownCodes && !knownCodes.has(c)) {
      throw new DataError(file, bilingual(`unknown township code ${c} (codes[${i}]), not in the boundaries — check the code, or use boundaries that include it`, `乡镇代码 ${c}（codes[${i}]）不在边界文件中，请核对代码，或使用包含该乡镇的边界文件`));
    }
    seen.set(c, i);
  });
}
