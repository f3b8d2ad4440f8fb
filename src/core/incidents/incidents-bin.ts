/**
 * # incidents.bin — the compact binary format of the built-in incident history
 *
 * One file, little-endian, 64-byte header then three column blocks; 11 bytes per incident
 * (a CSV line is ~40). Read whole into typed arrays, no parsing.
 *
 * | offset      | size | type        | field                                                        |
 * |-------------|------|-------------|--------------------------------------------------------------|
 * | 0           | 4    | ASCII       | magic `FCSI` ("Five-Color Safety Incidents")                 |
 * | 4           | 2    | uint16      | version = 1                                                  |
 * | 6           | 2    | uint16      | flags = 0 (reserved)                                         |
 * | 8           | 4    | uint32      | count n                                                      |
 * | 12          | 4    | uint32      | dayCount D (1 … 65536; 0 only when n = 0)                    |
 * | 16          | 10   | ASCII       | startDay `YYYY-MM-DD` (day 0; calendar days in UTC+8)        |
 * | 26          | 6    |             | zero padding                                                 |
 * | 32          | 32   | float64 × 4 | bbox minLon, minLat, maxLon, maxLat of the incidents         |
 * | 64          | 8n   | uint32 × 2n | quantized lon, lat, interleaved                              |
 * | 64 + 8n     | 2n   | uint16 × n  | day offset from startDay (0 … D−1)                           |
 * | 64 + 10n    | n    | uint8 × n   | type: index into INCIDENT_TYPES (0 … 6)                      |
 * | 64 + 11n    |      |             | end of file (nothing may follow)                             |
 *
 * Coordinates are quantized to 32 bits over the bbox: `q = round((lon − minLon) / (maxLon −
 * minLon) · (2³² − 1))` and back `lon = minLon + q · (maxLon − minLon) / (2³² − 1)` (likewise for
 * lat; a zero-width bbox stores q = 0). Over a city (~2°) the step is ~5·10⁻¹⁰° (< 0.1 mm), so
 * decoded points land in the same township as the originals except within a hair of a border.
 *
 * Example: two incidents, a fire (type 3) at 119.9, 28.45 on 2026-11-01 and a dispute (type 6) at
 * 120.1, 28.5 on 2026-11-03 — startDay "2026-11-01", dayCount 3, bbox [119.9, 28.45, 120.1, 28.5]:
 *
 * ```
 * 00  46 43 53 49  01 00  00 00  02 00 00 00  03 00 00 00    FCSI v1, n=2, D=3
 * 10  32 30 32 36 2d 31 31 2d 30 31  00 00 00 00 00 00      "2026-11-01" + padding
 * 20  (119.9, 28.45, 120.1, 28.5 as float64)
 * 40  00 00 00 00  00 00 00 00  ff ff ff ff  ff ff ff ff    (q 0, 0), (q 2³²−1, 2³²−1)
 * 50  00 00  02 00                                          days 0, 2
 * 54  03 06                                                 types 3, 6   → 86 bytes
 * ```
 */
import { INCIDENT_TYPE_COUNT } from './incident-types.ts';
import { bilingual, DataError } from '../data-error.ts';
import { dayNumberOf } from '../dates.ts';

export const INCIDENTS_BIN_MAGIC = 'FCSI';
export const INCIDENTS_BIN_VERSION = 1;
export const INCIDENTS_BIN_HEADER_BYTES = 64;
/** Bytes per incident after the header. */
export const INCIDENTS_BIN_BYTES_PER_INCIDENT = 11;
export const INCIDENTS_BIN_MAX_DAYS = 65536;

const Q = 4294967295; // 2^32 − 1

export interface IncidentsBinInput {
  /** Interleaved lon, lat (length 2n). */
  readonly coords: Float64Array | Float32Array;
  /** Index into INCIDENT_TYPES per incident. */
  readonly types: Uint8Array;
  /** Day offset from `startDay` per incident. */
  readonly days: Uint16Array;
  /** Day 0, `YYYY-MM-DD`. */
  readonly startDay: string;
  /** Number of days (default max(days) + 1, at least 1). */
  readonly dayCount?: number;
}

export interface DecodedIncidents {
  readonly count: number;
  /** Interleaved lon, lat (dequantized). */
  readonly coords: Float64Array;
  readonly types: Uint8Array;
  readonly days: Uint16Array;
  readonly startDay: string;
  readonly dayCount: number;
  /** [minLon, minLat, maxLon, maxLat] from the header. */
  readonly bbox: [number, number, number, number];
}

/** Encode incidents into an incidents.bin buffer. Throws a RangeError for inconsistent input. */
export function encodeIncidents(input: IncidentsBinInput): ArrayBuffer {
  const { coords, types, days, startDay } = input;
  if ((coords.length & 1) !== 0) throw new RangeError('encodeIncidents: coords must hold lon, lat pairs');
  const n = coords.length >> 1;
  if (types.length !== n) throw new RangeError(`encodeIncidents: ${types.length} types for ${n} incidents`);
  if (days.length !== n) throw new RangeError(`encodeIncidents: ${days.length} days for ${n} incidents`);
  if (dayNumberOf(startDay) === null) throw new RangeError(`encodeIncidents: startDay ${JSON.stringify(startDay)} is not a YYYY-MM-DD date`);
  let maxDay = -1;
  for (let i = 0; i < n; i++) if (days[i]! > maxDay) maxDay = days[i]!;
  const dayCount = input.dayCount ?? Math.max(1, maxDay + 1);
  if (!Number.isInteger(dayCount) || dayCount < 1 || dayCount > INCIDENTS_BIN_MAX_DAYS) {
    throw new RangeError(`encodeIncidents: dayCount ${dayCount} outside 1 … ${INCIDENTS_BIN_MAX_DAYS}`);
  }
  if (maxDay >= dayCount) throw new RangeError(`encodeIncidents: day ${maxDay} ≥ dayCount ${dayCount}`);

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = coords[2 * i]!;
    const y = coords[2 * i + 1]!;
    if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) {
      throw new RangeError(`encodeIncidents: incident ${i} has coordinate [${x}, ${y}] outside lon/lat ranges`);
    }
    if (types[i]! >= INCIDENT_TYPE_COUNT) throw new RangeError(`encodeIncidents: incident ${i} has type ${types[i]}, expected < ${INCIDENT_TYPE_COUNT}`);
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  if (n === 0) minX = minY = maxX = maxY = 0;

  const buf = new ArrayBuffer(INCIDENTS_BIN_HEADER_BYTES + INCIDENTS_BIN_BYTES_PER_INCIDENT * n);
  const view = new DataView(buf);
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < 4; i++) bytes[i] = INCIDENTS_BIN_MAGIC.charCodeAt(i);
  view.setUint16(4, INCIDENTS_BIN_VERSION, true);
  view.setUint16(6, 0, true);
  view.setUint32(8, n, true);
  view.setUint32(12, dayCount, true);
  for (let i = 0; i < 10; i++) bytes[16 + i] = startDay.charCodeAt(i);
  view.setFloat64(32, minX, true);
  view.setFloat64(40, minY, true);
  view.setFloat64(48, maxX, true);
  view.setFloat64(56, maxY, true);

  const kx = maxX > minX ? Q / (maxX - minX) : 0;
  const ky = maxY > minY ? Q / (maxY - minY) : 0;
  const q = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    q[2 * i] = Math.min(Q, Math.round((coords[2 * i]! - minX) * kx));
    q[2 * i + 1] = Math.min(Q, Math.round((coords[2 * i + 1]! - minY) * ky));
  }
  const base = INCIDENTS_BIN_HEADER_BYTES;
  if (LITTLE_ENDIAN) {
    new Uint32Array(buf, base, 2 * n).set(q);
    new Uint16Array(buf, base + 8 * n, n).set(days);
  } else {
    for (let i = 0; i < 2 * n; i++) view.setUint32(base + 4 * i, q[i]!, true);
    for (let i = 0; i < n; i++) view.setUint16(base + 8 * n + 2 * i, days[i]!, true);
  }
  bytes.set(types, base + 10 * n);
  return buf;
}

/** True when the bytes start with the incidents.bin magic. */
export function isIncidentsBin(data: ArrayBuffer | Uint8Array): boolean {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length < 4) return false;
  for (let i = 0; i < 4; i++) if (bytes[i] !== INCIDENTS_BIN_MAGIC.charCodeAt(i)) return false;
  return true;
}

/** The fix for a damaged incidents.bin: the pipeline writes it, nobody edits it. */
const REWRITE = ['write it again with the publish or join tool (npm run publish / npm run join)', '请用发布或匹配工具重新生成（npm run publish / npm run join）'] as const;
/** The fix for a cut-off one: most often an incomplete copy. */
const RECOPY = ['copy the whole file again, or write it again (npm run publish / npm run join)', '请重新完整复制该文件，或重新生成（npm run publish / npm run join）'] as const;

/**
 * Decode an incidents.bin buffer (copies; the input is not kept). Throws a {@link DataError}
 * naming `file` and the problem: bad magic, unsupported version, truncated file, trailing bytes,
 * a bad header field, or a day / type out of range.
 */
export function decodeIncidents(data: ArrayBuffer | Uint8Array, file: string): DecodedIncidents {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const size = bytes.byteLength;
  if (size < 4 || !isIncidentsBin(bytes)) {
    const head = [...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const start = head === '' ? ['it is empty', '文件为空'] : [`it starts with ${head}, not "FCSI"`, `开头为 ${head}，应为 "FCSI"`];
    throw new DataError(file, bilingual(`not an incidents.bin file (${start[0]}) — ${REWRITE[0]}`, `不是 incidents.bin 文件（${start[1]}），${REWRITE[1]}`));
  }
  if (size < INCIDENTS_BIN_HEADER_BYTES) {
    throw new DataError(file, bilingual(`truncated: the header needs ${INCIDENTS_BIN_HEADER_BYTES} bytes, the file has ${size} — ${RECOPY[0]}`, `文件不完整：文件头需要 ${INCIDENTS_BIN_HEADER_BYTES} 字节，文件只有 ${size} 字节；${RECOPY[1]}`));
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, size);
  const version = view.getUint16(4, true);
  if (version !== INCIDENTS_BIN_VERSION) {
    throw new DataError(
      file,
      bilingual(`incidents.bin version ${version} is not supported (expected ${INCIDENTS_BIN_VERSION}) — write it again with this app's publish or join tool (npm run publish / npm run join)`, `incidents.bin 版本为 ${version}，本应用只能读取版本 ${INCIDENTS_BIN_VERSION}；请用本应用的发布或匹配工具重新生成`),
    );
  }
  const n = view.getUint32(8, true);
  const dayCount = view.getUint32(12, true);
  const startDay = String.fromCharCode(...bytes.subarray(16, 26));
  if (dayNumberOf(startDay) === null) {
    throw new DataError(file, bilingual(`bad header: startDay ${JSON.stringify(startDay)} is not a YYYY-MM-DD date — ${REWRITE[0]}`, `文件头已损坏：startDay ${JSON.stringify(startDay)} 不是 YYYY-MM-DD 日期，${REWRITE[1]}`));
  }
  if (dayCount > INCIDENTS_BIN_MAX_DAYS || (dayCount === 0 && n > 0)) {
    throw new DataError(file, bilingual(`bad header: dayCount ${dayCount} outside 1 … ${INCIDENTS_BIN_MAX_DAYS} — ${REWRITE[0]}`, `文件头已损坏：dayCount ${dayCount} 不在 1 … ${INCIDENTS_BIN_MAX_DAYS} 之间，${REWRITE[1]}`));
  }
  const bbox: [number, number, number, number] = [view.getFloat64(32, true), view.getFloat64(40, true), view.getFloat64(48, true), view.getFloat64(56, true)];
  const [minX, minY, maxX, maxY] = bbox;
  if (!bbox.every(Number.isFinite) || minX > maxX || minY > maxY || minX < -180 || maxX > 180 || minY < -90 || maxY > 90) {
    throw new DataError(file, bilingual(`bad header: bbox [${bbox.join(', ')}] is not a lon/lat extent — ${REWRITE[0]}`, `文件头已损坏：范围 [${bbox.join(', ')}] 不是经纬度范围，${REWRITE[1]}`));
  }
  const expected = INCIDENTS_BIN_HEADER_BYTES + INCIDENTS_BIN_BYTES_PER_INCIDENT * n;
  if (size < expected) {
    throw new DataError(
      file,
      bilingual(`truncated: the header says ${n} incidents (${expected} bytes), the file has ${size} bytes — ${RECOPY[0]}`, `文件不完整：文件头记录 ${n} 个事件（${expected} 字节），文件只有 ${size} 字节；${RECOPY[1]}`),
    );
  }
  if (size > expected) {
    throw new DataError(
      file,
      bilingual(`counts mismatch: the header says ${n} incidents (${expected} bytes), the file has ${size} bytes — ${REWRITE[0]}`, `与文件头不符：文件头记录 ${n} 个事件（${expected} 字节），文件却有 ${size} 字节，${REWRITE[1]}`),
    );
  }

  const base = bytes.byteOffset + INCIDENTS_BIN_HEADER_BYTES;
  const q = new Uint32Array(2 * n);
  const days = new Uint16Array(n);
  if (LITTLE_ENDIAN) {
    // Copy the bytes out first: the columns need not be aligned in the caller's buffer.
    new Uint8Array(q.buffer).set(new Uint8Array(bytes.buffer, base, 8 * n));
    new Uint8Array(days.buffer).set(new Uint8Array(bytes.buffer, base + 8 * n, 2 * n));
  } else {
    for (let i = 0; i < 2 * n; i++) q[i] = view.getUint32(INCIDENTS_BIN_HEADER_BYTES + 4 * i, true);
    for (let i = 0; i < n; i++) days[i] = view.getUint16(INCIDENTS_BIN_HEADER_BYTES + 8 * n + 2 * i, true);
  }
  const types = bytes.slice(INCIDENTS_BIN_HEADER_BYTES + 10 * n, expected);

  const sx = (maxX - minX) / Q;
  const sy = (maxY - minY) / Q;
  const coords = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    coords[2 * i] = minX + q[2 * i]! * sx;
    coords[2 * i + 1] = minY + q[2 * i + 1]! * sy;
    if (days[i]! >= dayCount) {
      throw new DataError(file, bilingual(`counts mismatch: incident ${i} is on day ${days[i]}, the header says ${dayCount} days — ${REWRITE[0]}`, `与文件头不符：第 ${i} 个事件在第 ${days[i]} 天，文件头只有 ${dayCount} 天，${REWRITE[1]}`));
    }
    if (types[i]! >= INCIDENT_TYPE_COUNT) {
      throw new DataError(file, bilingual(`incident ${i} has type ${types[i]}, expected 0 … ${INCIDENT_TYPE_COUNT - 1} — ${REWRITE[0]}`, `第 ${i} 个事件的类型为 ${types[i]}，应为 0 … ${INCIDENT_TYPE_COUNT - 1}，${REWRITE[1]}`));
    }
  }
  return { count: n, coords, types, days, startDay, dayCount, bbox };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
