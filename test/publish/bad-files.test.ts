/**
 * Every file of test/fixtures/bad/ is refused with its message: the file, the row or feature, the
 * field, the value and the fix, in English then Chinese (the style of src/core/data-error.ts).
 * None crashes (a raw TypeError would fail the test: firstProblem rethrows anything not a DataError).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BAD_DIR, firstProblem } from './bad-fixture-reader.ts';

const EXPECTED: readonly (readonly [string, string])[] = [
  ["arc-of-scalars.topo.json","arc-of-scalars.topo.json: arc #1 position #0 is 120, not an [x, y] pair of numbers; the file is damaged: re-export the boundaries from the GIS tool (e.g. mapshaper -o format=topojson) · 第 #1 条弧的第 #0 个点是 120，不是 [x, y] 数对，文件已损坏；请从 GIS 工具重新导出边界（如 mapshaper -o format=topojson）"],
  ["arc-out-of-range.topo.json","arc-out-of-range.topo.json: township 990102001 (feature #1) refers to arc #7, but the file has only 3 arcs (#0 … #2); the file was cut or damaged: re-export the boundaries from the GIS tool (e.g. mapshaper -o format=topojson) · township 990102001 (feature #1) 引用了第 #7 条弧，但文件只有 3 条弧，文件被截断或损坏；请从 GIS 工具重新导出边界（如 mapshaper -o format=topojson）"],
  ["bow-tie.geojson","bow-tie.geojson: township 331102001 (feature #0): its outline crosses itself near [119.95000, 28.45000] (a self-intersection, e.g. a bow-tie) — fix it in the GIS tool (e.g. QGIS \"Fix geometries\", mapshaper -clean) and export again · township 331102001 (feature #0)：边界在 [119.95000, 28.45000] 附近自相交（如“8”字形），请在 GIS 工具中修复（如 QGIS“修复几何”、mapshaper -clean）后重新导出"],
  ["code-not-9-digits.geojson","code-not-9-digits.geojson: township 3311020 (feature #0): code \"3311020\" is not a 9-digit township code (e.g. 331102001) · township 3311020 (feature #0)：代码“3311020”不是 9 位乡镇代码（如 331102001）"],
  ["counts-unknown-code.csv","counts-unknown-code.csv: line 3, column \"code\": 331199999 is not a township of townships.topo.json — check the code, or publish boundaries that include it · 第 3 行“code”列：331199999 不是 townships.topo.json 中的乡镇，请核对代码，或提供包含它的边界文件"],
  ["duplicate-code.geojson","duplicate-code.geojson: duplicate township code 331102001 (features #0 and #1); every township needs its own code · 乡镇代码 331102001 重复（第 #0 和第 #1 个要素），每个乡镇必须有自己的代码"],
  ["empty.topo.json","empty.topo.json: the file is empty — export it again · 文件是空的，请重新导出"],
  ["hole-outside.geojson","hole-outside.geojson: township 331102001 (feature #0): hole #1 (at [120.2, 28.6]) lies outside the outer ring — a hole must be inside its township; make it a separate polygon or remove it · township 331102001 (feature #0)：第 1 个内环（洞，位于 [120.2, 28.6]）在外环之外；洞必须位于乡镇内部，请改为单独的多边形或删除"],
  ["incidents-bad-date.csv","incidents-bad-date.csv: line 3, column \"time\": \"20/13/2026\" is not a date and time — write it as 2026-11-20, 2026/11/20, 2026年11月20日, 20/11/2026 (day first) or 20-Nov-2026, with a time like 08:30 if known · 第 3 行“time”列：\"20/13/2026\" 不是日期时间，请写成 2026-11-20、2026/11/20、2026年11月20日、20/11/2026（日在前）或 20-Nov-2026，可加时间如 08:30"],
  ["incidents-no-time.csv","incidents-no-time.csv: has no time column — add a \"time\" (or \"date\", \"发生时间\") column so each incident counts on its day · 没有时间列，请添加“time”（或“date”“发生时间”）列，事件才能按日统计"],
  ["incidents-outside-history.csv","incidents-outside-history.csv: line 4: the incident is dated 2026-10-01, outside the history 2026-11-22 … 2026-11-24 — check the date, or add that day's indicators · 第 4 行：事件日期 2026-10-01 不在历史期 2026-11-22 … 2026-11-24 内，请核对日期，或补充当天的指标"],
  ["incidents-swapped.csv","incidents-swapped.csv: every coordinate is outside lon/lat ranges but fits when swapped (e.g. lon=28.45, lat=119.91) — looks like lat/lon swapped · 所有坐标都超出经纬度范围，交换后正好合适（如 lon=28.45, lat=119.91），经纬度可能写反了，请交换两列"],
  ["incidents-unknown-type.csv","incidents-unknown-type.csv: line 3, column \"type\": unknown incident type \"theft\" — use one of public_security (治安案件), criminal_case (刑事案件), production_accident (生产事故), fire (火灾), road_accident (交通事故), geological_event (地质灾害), dispute (矛盾纠纷) · 第 3 行“type”列：未知的事件类型 \"theft\"，请使用 public_security (治安案件), criminal_case (刑事案件), production_accident (生产事故), fire (火灾), road_accident (交通事故), geological_event (地质灾害), dispute (矛盾纠纷) 之一"],
  ["indicators-bad-date.csv","indicators-bad-date.csv: line 2, column \"date\": \"20/13/2026\" is not a date — write it as 2026-11-20, 2026/11/20, 2026年11月20日, 20/11/2026 (day first) or 20-Nov-2026 · 第 2 行“date”列：“20/13/2026”不是日期，请写成 2026-11-20、2026/11/20、2026年11月20日、20/11/2026（日在前）或 20-Nov-2026"],
  ["indicators-duplicate.csv","indicators-duplicate.csv: line 3: rainfall of 331102001 on 2026-11-22 is given twice (lines 2 and 3) — keep one row · 第 3 行：331102001 在 2026-11-22 的 rainfall 出现了两次（第 2 行和第 3 行），请只保留一行"],
  ["indicators-excel-code.csv","indicators-excel-code.csv: line 2, column \"code\": \"3.31102E+08\" — the spreadsheet turned the code into a number and lost digits; format the column as Text and type the 9-digit codes again · 第 2 行“code”列：“3.31102E+08”——表格把代码变成了科学计数法，位数已丢失；请把该列设为“文本”格式并重新填写 9 位代码"],
  ["indicators-header-only.csv","indicators-header-only.csv: has a header but no rows — export the indicator values below it · 只有表头没有数据行，请在表头下导出指标数据"],
  ["indicators-negative.csv","indicators-negative.csv: line 3, column \"value\": -3 is negative — rainfall cannot be below 0 · 第 3 行“value”列：-3 是负数，rainfall 不能小于 0"],
  ["indicators-non-numeric.csv","indicators-non-numeric.csv: line 2, column \"value\": \"12.5mm\" is not a number — write digits only (e.g. 12.5), without units · 第 2 行“value”列：“12.5mm”不是数字，请只写数字（如 12.5），不带单位"],
  ["indicators-unknown-code.csv","indicators-unknown-code.csv: line 2, column \"code\": 331199999 is not a township of townships.topo.json — check the code, or publish boundaries that include it · 第 2 行“code”列：331199999 不是 townships.topo.json 中的乡镇，请核对代码，或提供包含它的边界文件"],
  ["indicators-unknown-indicator.csv","indicators-unknown-indicator.csv: line 2, column \"indicator\": \"crime_rate\" is not an indicator — use one of rainfall (降雨量), disputes_new (新增纠纷), disputes_resolved (化解纠纷), disputes_open (未化解纠纷), hazards_found (排查隐患), hazards_rectified (整改隐患), major_hazards_open (未整改重大隐患), fatal_incidents (亡人事故) · 第 2 行“indicator”列：“crime_rate”不是已知指标，请使用 rainfall (降雨量), disputes_new (新增纠纷), disputes_resolved (化解纠纷), disputes_open (未化解纠纷), hazards_found (排查隐患), hazards_rectified (整改隐患), major_hazards_open (未整改重大隐患), fatal_incidents (亡人事故) 之一"],
  ["indicators-wrong-kind.csv","indicators-wrong-kind.csv: line 1: no \"date\" column (the header is \"id,lon,lat,type,time\") — name a column one of \"date\", \"day\", \"日期\" · 第 1 行：缺少“date”列（表头是“id,lon,lat,type,time”），请把列名写成“date\", \"day\", \"日期”之一"],
  ["missing-code.geojson","missing-code.geojson: feature #1 (\"西街道\") has no \"code\" property; give every township its code in properties.code · feature #1 (\"西街道\") 没有“code”属性，请在 properties.code 中填写每个乡镇的代码"],
  ["no-geometries.topo.json","no-geometries.topo.json: object \"townships\" is a GeometryCollection without a \"geometries\" array, so it holds no townships; re-export the boundaries from the GIS tool (e.g. mapshaper -o format=topojson) · 对象“townships”是没有“geometries”数组的 GeometryCollection，里面没有乡镇；请从 GIS 工具重新导出边界（如 mapshaper -o format=topojson）"],
  ["not-json.topo.json","not-json.topo.json: not valid JSON (Unexpected token '<', \"<html><bod\"... is not valid JSON) — save it from the GIS tool as GeoJSON/TopoJSON/JSON, not edited by hand · 不是有效的 JSON 文件，请从 GIS 工具重新导出"],
  ["polygon-without-arcs.topo.json","polygon-without-arcs.topo.json: township 990101001 (feature #0) is a Polygon without \"arcs\", so it has no outline; re-export the boundaries from the GIS tool (e.g. mapshaper -o format=topojson) · township 990101001 (feature #0) 是没有“arcs”的 Polygon，没有边界线；请从 GIS 工具重新导出边界（如 mapshaper -o format=topojson）"],
  ["population-duplicate.csv","population-duplicate.csv: line 4: township 331102001 is listed twice (lines 2 and 4) — keep one row · 第 4 行：乡镇 331102001 出现了两次（第 2 行和第 4 行），请只保留一行"],
  ["population-not-a-number.csv","population-not-a-number.csv: line 2, column \"population\": \"约四万\" is not a number of residents — write a whole number ≥ 0 (e.g. 41230) · 第 2 行“population”列：“约四万”不是人口数，请填写不小于 0 的整数（如 41230）"],
  ["projected.geojson","projected.geojson: township 331102001 (feature #0) has coordinate [11990000, 2840000] outside lon/lat ranges (projected CRS?); expected WGS84 degrees — reproject to EPSG:4326 · township 331102001 (feature #0) 的坐标 [11990000, 2840000] 超出经纬度范围（投影坐标系？），应为 WGS84 经纬度，请转换为 EPSG:4326"],
  ["short-ring.geojson","short-ring.geojson: township 331102001 (feature #0): its outer ring has 3 positions; a ring needs at least 4 (three corners and the first repeated last) — fix it in the GIS tool (e.g. QGIS \"Fix geometries\", mapshaper -clean) and export again · township 331102001 (feature #0)：外环只有 3 个点，一个环至少需要 4 个点（三个角点，首点在末尾重复）；请在 GIS 工具中修复（如 QGIS“修复几何”、mapshaper -clean）后重新导出"],
  ["swapped-lat-lon.geojson","swapped-lat-lon.geojson: township 331102001 (feature #0) has latitude 119.9: coordinates look like [lat, lon]; expected [lon, lat] — swap the two numbers of every position · township 331102001 (feature #0) 的纬度为 119.9：坐标看起来是 [纬度, 经度]，应为 [经度, 纬度]，请交换每个坐标的两个数"],
  ["too-big.csv","too-big.csv: is 1946 bytes, over the limit of 1024 bytes per file — split it by month (indicators-2026-11.csv, …) or publish counts (counts.csv) instead of points · 文件大小 1946 bytes，超过每个文件 1024 bytes 的上限；请按月拆分（indicators-2026-11.csv 等），或改为提供计数文件 counts.csv"],
  ["truncated.topo.json","truncated.topo.json: not valid JSON: the file ends too early (Expected ',' or ']' after array element in JSON at position 136), it was probably cut off — copy or export it again · 不是有效的 JSON：文件提前结束，可能没有传完整，请重新复制或导出"],
  ["unclosed-ring.geojson","unclosed-ring.geojson: township 331102001 (feature #0): its outer ring is not closed (it starts at [119.9, 28.4] but ends at [119.91, 28.41]) — repeat the first position at the end · township 331102001 (feature #0)：外环没有闭合（起点 [119.9, 28.4]，终点 [119.91, 28.41]），请在末尾重复起点"],
  ["utf16.csv","utf16.csv: is saved as UTF-16 (\"Unicode text\") — save it as \"CSV UTF-8\" instead · 文件是 UTF-16 编码（Unicode 文本），请另存为“CSV UTF-8”格式"],
  ["workbook.xlsx","workbook.xlsx: is an Excel workbook or a zip archive, not a CSV/JSON text file — in Excel use \"Save as → CSV UTF-8\" · 这是 Excel 工作簿或压缩包，不是 CSV/JSON 文本文件；请在 Excel 中“另存为 → CSV UTF-8”"],
  ["wrong-kind-points.geojson","wrong-kind-points.geojson: township 331102001 (feature #0) has geometry type Point, expected Polygon or MultiPolygon; township boundaries must be areas · township 331102001 (feature #0) 的几何类型是 Point，应为 Polygon 或 MultiPolygon：乡镇边界必须是面"],
];

describe('bad files', () => {
  it('has at least 25 fixtures, each with its expected message', () => {
    const files = readdirSync(BAD_DIR).sort();
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(EXPECTED.map(([name]) => name)).toEqual(files);
  });

  it.each(EXPECTED)('%s', (name, message) => {
    expect(firstProblem(name)).toBe(message);
    expect(message).toContain(' · '); // both languages
  });
});
