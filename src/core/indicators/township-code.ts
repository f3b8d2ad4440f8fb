/**
 * A township code cell from a spreadsheet, checked: 9 digits, and a township of the boundaries.
 * Excel turns a long code column into numbers (`3.31102E+08`), which loses digits for good; that
 * case gets its own fix, since "not 9 digits" would not tell a clerk what to change.
 */
import { bilingual } from '../data-error.ts';

const CODE = /^\d{9}$/;

/** null when `code` is a known 9-digit code; else the problem, naming `where` (e.g. `line 12`). */
export function codeProblem(code: string, where: { en: string; zh: string }, knownCodes: ReadonlySet<string>, boundariesFile: string): string | null {
  if (code === '') {
    return bilingual(`${where.en}, column "code": the township code is empty — fill in the 9-digit code (e.g. 331102001)`, `${where.zh}“code”列：乡镇代码为空，请填写 9 位代码（如 331102001）`);
  }
  if (/^\d(\.\d+)?E\+?\d+$/i.test(code)) {
    return bilingual(
      `${where.en}, column "code": "${code}" — the spreadsheet turned the code into a number and lost digits; format the column as Text and type the 9-digit codes again`,
      `${where.zh}“code”列：“${code}”——表格把代码变成了科学计数法，位数已丢失；请把该列设为“文本”格式并重新填写 9 位代码`,
    );
  }
  if (!CODE.test(code)) {
    return bilingual(
      `${where.en}, column "code": "${code}" is not a 9-digit township code — write it like 331102001 (digits only)`,
      `${where.zh}“code”列：“${code}”不是 9 位乡镇代码，请写成 331102001 这样的纯数字`,
    );
  }
  if (!knownCodes.has(code)) {
    return bilingual(
      `${where.en}, column "code": ${code} is not a township of ${boundariesFile} — check the code, or publish boundaries that include it`,
      `${where.zh}“code”列：${code} 不是 ${boundariesFile} 中的乡镇，请核对代码，或提供包含它的边界文件`,
    );
  }
  return null;
}

/** "line 12" / "第 12 行" */
export function lineAt(line: number): { en: string; zh: string } {
  return { en: `line ${line}`, zh: `第 ${line} 行` };
}
