/**
 * Why an incident row was left out, in both languages with the fix — for publish (where any skipped
 * row fails the file), the import dialog and the incidents banner (where the rest still shows).
 */
import { bilingual } from '../data-error.ts';
import { DATE_FORMS_EN, DATE_FORMS_ZH } from '../date-forms.ts';
import { INCIDENT_TYPE_LIST } from './incident-types.ts';
import { REASON } from './incident-rows.ts';

/** A skip reason kind (a key of `skippedByReason`) in Chinese. */
const REASON_ZH: Readonly<Record<string, string>> = {
  [REASON.coords]: '经纬度缺失或不是数字',
  [REASON.range]: '经纬度超出范围',
  [REASON.type]: '事件类型未知',
  [REASON.time]: '时间缺失或无效',
  [REASON.geometry]: '不是点要素',
};

/** How a message names a row: CSV line numbers, or feature numbers of a GeoJSON file. */
export function rowName(row: number, geo: boolean): { en: string; zh: string } {
  return geo ? { en: `feature #${row}`, zh: `第 ${row} 个要素` } : { en: `line ${row}`, zh: `第 ${row} 行` };
}

/** `skippedByReason` as "3 unknown type, 1 lon/lat out of range" · "事件类型未知 3 行、经纬度超出范围 1 行". */
export function reasonCounts(byReason: Readonly<Record<string, number>>): { en: string; zh: string } {
  const entries = Object.entries(byReason);
  return {
    en: entries.map(([reason, n]) => `${n} ${reason}`).join(', '),
    zh: entries.map(([reason, n]) => `${REASON_ZH[reason] ?? reason} ${n} 行`).join('、'),
  };
}

/** One skipped row (`reason` as the parser gives it) as a bilingual problem naming the row, the value and the fix. */
export function skippedMessage(at: { en: string; zh: string }, reason: string): string {
  if (reason.startsWith(REASON.type)) {
    const value = reason.slice(REASON.type.length).trim();
    return bilingual(`${at.en}, column "type": unknown incident type ${value} — use one of ${INCIDENT_TYPE_LIST}`, `${at.zh}“type”列：未知的事件类型 ${value}，请使用 ${INCIDENT_TYPE_LIST} 之一`);
  }
  if (reason.startsWith(REASON.time)) {
    const value = reason.slice(REASON.time.length).trim();
    return bilingual(`${at.en}, column "time": ${value} is not a date and time — write it as ${DATE_FORMS_EN}, with a time like 08:30 if known`, `${at.zh}“time”列：${value} 不是日期时间，请写成 ${DATE_FORMS_ZH}，可加时间如 08:30`);
  }
  if (reason.startsWith(REASON.range)) {
    const swapped = reason.includes('swapped');
    const value = reason.slice(REASON.range.length + 2).replace(/ \(.*\)$/, '');
    return swapped
      ? bilingual(`${at.en}: ${value} is outside lon/lat ranges and looks like lat/lon swapped — put the longitude (~120) in "lon" and the latitude (~28) in "lat"`, `${at.zh}：${value} 超出经纬度范围，像是经纬度写反了，请把经度（约 120）放在“lon”列、纬度（约 28）放在“lat”列`)
      : bilingual(`${at.en}: ${value} is outside lon/lat ranges (projected coordinates?) — export WGS84 longitude/latitude in degrees (EPSG:4326)`, `${at.zh}：${value} 超出经纬度范围（投影坐标？），请导出 WGS84 经纬度（EPSG:4326）`);
  }
  if (reason.startsWith(REASON.coords)) {
    return bilingual(`${at.en}: longitude/latitude missing or not numbers — fill in "lon" and "lat" in degrees (e.g. 119.91, 28.45)`, `${at.zh}：经纬度缺失或不是数字，请在“lon”“lat”列填写度数（如 119.91、28.45）`);
  }
  // The GeoJSON reader's reasons: "not a GeoJSON Feature", `geometry "LineString" is not a Point`.
  if (reason.startsWith(REASON.geometry) || reason === 'not a GeoJSON Feature' || /^geometry .* is not a Point$/.test(reason)) {
    return bilingual(`${at.en}: ${reason} — each incident must be a Point`, `${at.zh}：不是点要素，每个事件必须是 Point`);
  }
  return bilingual(`${at.en}: ${reason}`, `${at.zh}：${reason}`);
}
