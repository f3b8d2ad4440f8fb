/**
 * Rebuilds examples/city-exports/ (the worked example the README's quick start publishes) from the
 * built-in Lishui data: the last three days of three indicators, the population, and a sample of
 * that period's incident points — written the way a city's spreadsheets are, mixing the accepted
 * forms (one indicator file in GB18030 with Chinese headers and dates, Chinese incident types).
 *
 *     npx tsx data/publish-example.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDailyFile } from '../src/core/daily-file.ts';
import { addDays, daysBetween } from '../src/core/dates.ts';
import { decodeIncidents } from '../src/core/incidents/incidents-bin.ts';
import { INCIDENT_TYPE_LABELS_ZH, INCIDENT_TYPES } from '../src/core/incidents/incident-types.ts';
import { INDICATOR_LABELS_ZH } from '../src/core/indicators/indicator-ids.ts';

const OUT = 'examples/city-exports';
const DAYS = ['2026-11-22', '2026-11-23', '2026-11-24'];
const SERIES = ['rainfall', 'disputes_new', 'disputes_open'] as const;

const daily = parseDailyFile(readFileSync('public/data/daily.json', 'utf8'), 'daily.json');
const T = daily.codes.length;
mkdirSync(OUT, { recursive: true });

DAYS.forEach((day, k) => {
  const d = daysBetween(daily.startDay, day);
  const chinese = k === 1; // one day as a Chinese-locale Excel saves it: GB18030, Chinese names
  const [y, m, dd] = day.split('-').map(Number);
  const lines = [chinese ? '日期,乡镇代码,指标,数值' : 'date,code,indicator,value'];
  for (const id of SERIES) {
    for (let t = 0; t < T; t++) {
      const v = daily.series[id]![d * T + t]!;
      if (Number.isNaN(v)) continue;
      lines.push(chinese ? `${y}年${m}月${dd}日,${daily.codes[t]},${INDICATOR_LABELS_ZH[id]},${v}` : `${day},${daily.codes[t]},${id},${v}`);
    }
  }
  const text = `${lines.join('\r\n')}\r\n`;
  const bytes = chinese ? gb18030(text) : Buffer.from(`\ufeff${text}`, 'utf8');
  writeFileSync(join(OUT, `indicators-${day}.csv`), bytes);
});

writeFileSync(join(OUT, 'population.csv'), `code,population\n${daily.codes.map((c, t) => `${c},${daily.population[t]}`).join('\n')}\n`);

const inc = decodeIncidents(readFileSync('public/data/incidents.bin'), 'incidents.bin');
const first = daysBetween(inc.startDay, DAYS[0]!);
const rows = ['id,lon,lat,type,time'];
let n = 0;
for (let i = 0; i < inc.count; i++) {
  const d = inc.days[i]! - first;
  if (d < 0 || d >= DAYS.length || i % 3 !== 0) continue;
  const day = addDays(DAYS[0]!, d);
  const [y, m, dd] = day.split('-');
  const hh = String((i * 7) % 24).padStart(2, '0');
  const mi = String((i * 13) % 60).padStart(2, '0');
  const type = INCIDENT_TYPES[inc.types[i]!]!;
  // Three ways spreadsheets write the time, and the type as id or Chinese label.
  const time = n % 3 === 0 ? `${day} ${hh}:${mi}` : n % 3 === 1 ? `${y}年${Number(m)}月${Number(dd)}日 ${hh}:${mi}` : `${dd}/${m}/${y} ${hh}:${mi}`;
  rows.push(`E${String(++n).padStart(5, '0')},${inc.coords[2 * i]!.toFixed(6)},${inc.coords[2 * i + 1]!.toFixed(6)},${n % 2 ? type : INCIDENT_TYPE_LABELS_ZH[type]},${time}`);
}
writeFileSync(join(OUT, 'incidents.csv'), `${rows.join('\n')}\n`);
console.log(`${OUT}: ${DAYS.length} days, ${T} townships, ${n} incidents`);

/** GB18030 bytes of a string (Node has a decoder but no encoder: map each character through a table). */
function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(hi, lo));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no two-byte GB18030 code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}
