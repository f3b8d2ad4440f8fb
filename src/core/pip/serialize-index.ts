import type { JoinIndex } from './join-index';

/**
 * One-buffer serialization of a {@link JoinIndex}, so it can be transferred to or from a worker
 * (put the buffer in the transfer list) and cached (e.g. in IndexedDB or the Cache API).
 *
 * Layout (little-endian, every section 8-byte aligned):
 * - 8 bytes: magic "PIPJOIN", format version byte
 * - float64 header fields: the SCALARS, the length of each of the ARRAYS, the codes' byte length
 * - the arrays in ARRAYS order (vertices, cellCode, rowWordStart, rowWord, nodes, partFeature, setStart,
 *   setParts), then the codes
 *   as UTF-8 JSON (absent when null).
 *
 * `deserializeJoinIndex` makes typed-array views on the buffer (no copy), so the buffer must stay
 * alive and unmodified while the index is used.
 */
const MAGIC = [0x50, 0x49, 0x50, 0x4a, 0x4f, 0x49, 0x4e]; // "PIPJOIN"
const VERSION = 2; // 2: 16-bit cell codes with per-row words (1 had one int32 word per cell)

type ArrayKey = 'cellCode' | 'rowWordStart' | 'rowWord' | 'nodes' | 'vertices' | 'partFeature' | 'setStart' | 'setParts';

const ARRAYS: readonly [ArrayKey, 'u16' | 'i32' | 'u32' | 'f64'][] = [
  ['vertices', 'f64'],
  ['cellCode', 'u16'],
  ['rowWordStart', 'u32'],
  ['rowWord', 'i32'],
  ['nodes', 'i32'],
  ['partFeature', 'i32'],
  ['setStart', 'u32'],
  ['setParts', 'i32'],
];

const SCALARS = [
  'featureCount',
  'partCount',
  'minX',
  'minY',
  'maxX',
  'maxY',
  'nx',
  'ny',
  'cellW',
  'cellH',
  'invW',
  'invH',
  'directCodes',
  'maxRecordEntries',
  'maxSetSize',
  'leafCount',
  'blockCount',
  'entryCount',
] as const;

const HEADER_FIELDS = SCALARS.length + ARRAYS.length + 1; // + codes byte length (−1: null)
const HEADER_BYTES = 8 + HEADER_FIELDS * 8;

const align8 = (n: number): number => (n + 7) & ~7;

/** Serialize an index into one ArrayBuffer. */
export function serializeJoinIndex(index: JoinIndex): ArrayBuffer {
  const codesBytes = index.codes === null ? null : new TextEncoder().encode(JSON.stringify(index.codes));
  let size = HEADER_BYTES;
  for (const [key] of ARRAYS) size += align8(index[key].byteLength);
  size += align8(codesBytes === null ? 0 : codesBytes.byteLength);
  const buf = new ArrayBuffer(size);
  const bytes = new Uint8Array(buf);
  bytes.set(MAGIC, 0);
  bytes[7] = VERSION;
  const header = new Float64Array(buf, 8, HEADER_FIELDS);
  let h = 0;
  for (const key of SCALARS) header[h++] = index[key];
  let offset = HEADER_BYTES;
  for (const [key] of ARRAYS) {
    const a = index[key];
    header[h++] = a.length;
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offset);
    offset += align8(a.byteLength);
  }
  header[h++] = codesBytes === null ? -1 : codesBytes.byteLength;
  if (codesBytes !== null) bytes.set(codesBytes, offset);
  return buf;
}

/**
 * Read an index back from {@link serializeJoinIndex}'s buffer (views, no copy). Throws an Error
 * when the buffer is not a join index of this version or is truncated.
 */
export function deserializeJoinIndex(buf: ArrayBuffer): JoinIndex {
  if (buf.byteLength < HEADER_BYTES) throw new Error('deserializeJoinIndex: buffer too small to be a join index');
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC[i]) throw new Error('deserializeJoinIndex: not a join index (bad magic)');
  }
  if (bytes[7] !== VERSION) throw new Error(`deserializeJoinIndex: format version ${bytes[7]}, expected ${VERSION}`);
  const header = new Float64Array(buf, 8, HEADER_FIELDS);
  let h = 0;
  const scalars: Record<string, number> = {};
  for (const key of SCALARS) scalars[key] = header[h++]!;
  let offset = HEADER_BYTES;
  const arrays: Record<string, Uint16Array | Int32Array | Uint32Array | Float64Array> = {};
  for (const [key, type] of ARRAYS) {
    const length = header[h++]!;
    const byteLength = length * (type === 'f64' ? 8 : type === 'u16' ? 2 : 4);
    if (offset + byteLength > buf.byteLength) throw new Error(`deserializeJoinIndex: buffer truncated in ${key}`);
    arrays[key] =
      type === 'f64'
        ? new Float64Array(buf, offset, length)
        : type === 'u16'
          ? new Uint16Array(buf, offset, length)
          : type === 'i32'
            ? new Int32Array(buf, offset, length)
            : new Uint32Array(buf, offset, length);
    offset += align8(byteLength);
  }
  const codesLength = header[h++]!;
  let codes: string[] | null = null;
  if (codesLength >= 0) {
    if (offset + codesLength > buf.byteLength) throw new Error('deserializeJoinIndex: buffer truncated in codes');
    codes = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, offset, codesLength))) as string[];
  }
  return {
    featureCount: scalars['featureCount']!,
    partCount: scalars['partCount']!,
    minX: scalars['minX']!,
    minY: scalars['minY']!,
    maxX: scalars['maxX']!,
    maxY: scalars['maxY']!,
    nx: scalars['nx']!,
    ny: scalars['ny']!,
    cellW: scalars['cellW']!,
    cellH: scalars['cellH']!,
    invW: scalars['invW']!,
    invH: scalars['invH']!,
    directCodes: scalars['directCodes']!,
    maxRecordEntries: scalars['maxRecordEntries']!,
    maxSetSize: scalars['maxSetSize']!,
    leafCount: scalars['leafCount']!,
    blockCount: scalars['blockCount']!,
    entryCount: scalars['entryCount']!,
    cellCode: arrays['cellCode'] as Uint16Array,
    rowWordStart: arrays['rowWordStart'] as Uint32Array,
    rowWord: arrays['rowWord'] as Int32Array,
    nodes: arrays['nodes'] as Int32Array,
    vertices: arrays['vertices'] as Float64Array,
    partFeature: arrays['partFeature'] as Int32Array,
    setStart: arrays['setStart'] as Uint32Array,
    setParts: arrays['setParts'] as Int32Array,
    codes,
  };
}
