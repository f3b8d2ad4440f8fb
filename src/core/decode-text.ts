/**
 * Bytes of a city's export → text. Spreadsheets on Chinese Windows save CSV as GB18030 (GBK), others
 * as UTF-8 with or without a BOM; reading one as the other turns every Chinese name into mojibake
 * that then "matches" nothing, so the encoding is detected, never assumed: a UTF-8 BOM, else bytes
 * that are valid UTF-8, else GB18030. A file with NUL bytes is not text at all (a spreadsheet's
 * .xlsx, a zip, an image) and is refused by name. Pure: TextDecoder exists in browsers and Node.
 */
import { bilingual, DataError } from './data-error.ts';

export type TextEncoding = 'utf-8' | 'gb18030';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
}

export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    throw new DataError(file, bilingual('the file is empty — export it again', '文件是空的，请重新导出'));
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new DataError(file, bilingual('is saved as UTF-16 ("Unicode text") — save it as "CSV UTF-8" instead', '文件是 UTF-16 编码（Unicode 文本），请另存为“CSV UTF-8”格式'));
  }
  const head = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (head.includes(0)) {
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    throw new DataError(
      file,
      zip
        ? bilingual('is an Excel workbook or a zip archive, not a CSV/JSON text file — in Excel use "Save as → CSV UTF-8"', '这是 Excel 工作簿或压缩包，不是 CSV/JSON 文本文件；请在 Excel 中“另存为 → CSV UTF-8”')
        : bilingual('is a binary file, not a CSV/JSON text file — export the data as CSV or GeoJSON', '这是二进制文件，不是 CSV/JSON 文本；请导出为 CSV 或 GeoJSON'),
    );
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)), encoding: 'utf-8' };
  } catch {
    // not UTF-8: the other encoding spreadsheets in China write
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    throw new DataError(file, bilingual('is neither UTF-8 nor GB18030 text — save it as "CSV UTF-8"', '既不是 UTF-8 也不是 GB18030 编码的文本，请另存为“CSV UTF-8”'));
  }
}
