/**
 * The worker's logic, written against a minimal port ({@link MessagePortLike}) so it runs the same
 * in a Web Worker (join.worker.ts passes `self`) and in Node tests over a `MessageChannel` port.
 *
 * - Keeps the join index of the current boundaries (`setBoundaries`).
 * - Requests run concurrently; each captures the boundaries current when it starts.
 * - Long work is chunked (points, bytes, townships); after each chunk it posts a `progress`
 *   message and yields to the event loop, so a `{id, cancel: true}` message can arrive; a
 *   cancelled request answers `{ok: false, error: {name: 'AbortError', message: 'aborted'}}`.
 * - Every failure is caught and answered as `{ok: false, error}` with a message naming the file
 *   (and `file` set) when there is one: nothing escapes as an uncaught exception.
 */
import difference from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { layerClasses, prepareAreaLayer, townshipAreaShares } from '../core/area-shares.ts';
import { DataError } from '../core/data-error.ts';
import { dayNumberOf, decodeIncidents, INCIDENTS_BIN_MAX_DAYS, isIncidentsBin } from '../core/incidents/incidents-bin.ts';
import { computeIndex } from '../core/safety-index/compute-index.ts';
import { validateIndexConfig } from '../core/safety-index/config.ts';
import { buildJoinIndex } from '../core/pip/build-index.ts';
import { createCsvIncidentParser, type IncidentStreamParser } from '../core/incidents/stream-incidents.ts';
import { DEFAULT_UTC_OFFSET_MINUTES } from '../core/incidents/parse-time.ts';
import { deserializeJoinIndex, serializeJoinIndex } from '../core/pip/serialize-index.ts';
import { featureCode } from '../core/pip/flatten-polygons.ts';
import { formatDayNumber } from '../core/incidents/bucket-days.ts';
import { INCIDENT_TYPE_COUNT } from '../core/incidents/incident-types.ts';
import { locatePoints } from '../core/pip/join-points.ts';
import { parseIncidentsGeoJson, type ParsedIncidents } from '../core/incidents/parse-incidents.ts';
import type { JoinIndex } from '../core/pip/join-index.ts';
import { createRandom } from '../core/random.ts';
import {
  collectTransferables,
  isCancelMessage,
  type FromWorkerMessage,
  type IncidentColumns,
  type JoinCounts,
  type MessagePortLike,
  type ParseOptions,
  type ParseReport,
  type ProgressPhase,
  type RequestMessage,
  type Requests,
  type SerializedError,
  type ToWorkerMessage,
  type TownshipFeature,
} from './protocol.ts';

export interface HandlerOptions {
  /** Points per chunk of joinPoints / loadAndJoin / generatePoints (default 262144). */
  readonly pointsPerChunk?: number;
  /** Bytes per chunk when decoding and parsing text (default 4 MiB). */
  readonly bytesPerChunk?: number;
  /** Townships per chunk of areaShares (default 4). */
  readonly townshipsPerChunk?: number;
  /** fetch for loadAndJoin (default globalThis.fetch). */
  readonly fetch?: typeof fetch;
}

export interface MessageHandler {
  /** Stop listening and abort the running requests. */
  dispose(): void;
}

const DAY_MS = 86_400_000;
/** Largest countsByDay the worker will allocate (elements). */
const MAX_COUNTS_BY_DAY = 1 << 28;
const MAX_GENERATED_POINTS = 1 << 26;

interface CurrentBoundaries {
  readonly index: JoinIndex;
  readonly features: TownshipFeature[] | null;
  readonly codes: string[];
  readonly bbox: [number, number, number, number];
  readonly file: string;
}

/** What a running request can do besides computing. */
interface Context {
  readonly signal: AbortSignal;
  progress(phase: ProgressPhase, done: number, total: number): void;
  /** Yield to the event loop (so cancel messages are received), then throw if cancelled. */
  checkpoint(): Promise<void>;
}

class AbortedError extends Error {
  constructor() {
    super('aborted');
    this.name = 'AbortError';
  }
}

/** Answer requests arriving on `port` until disposed. */
export function handleMessages(port: MessagePortLike, options: HandlerOptions = {}): MessageHandler {
  const pointsPerChunk = Math.max(1, Math.floor(options.pointsPerChunk ?? 262_144));
  const bytesPerChunk = Math.max(16, Math.floor(options.bytesPerChunk ?? 4 << 20));
  const townshipsPerChunk = Math.max(1, Math.floor(options.townshipsPerChunk ?? 4));
  const running = new Map<number, AbortController>();
  let current: CurrentBoundaries | null = null;

  const post = (message: FromWorkerMessage): void => {
    try {
      port.postMessage(message, collectTransferables(message));
    } catch (err) {
      if (!('ok' in message)) return; // a progress message that could not be sent: drop it
      // e.g. DataCloneError: the answer must still arrive.
      try {
        port.postMessage({ id: message.id, ok: false, error: { message: `cannot send the answer (${errorMessage(err)})`, name: 'DataCloneError' } }, []);
      } catch {
        // the port is closed: nobody is listening
      }
    }
  };

  const requireBoundaries = (): CurrentBoundaries => {
    if (current === null) throw new Error('no boundaries: send setBoundaries first');
    return current;
  };

  // --- requests ----------------------------------------------------------------------------

  const handlers: { [K in keyof Requests]: (payload: Requests[K]['req'], ctx: Context) => Promise<Requests[K]['res']> | Requests[K]['res'] } = {
    setBoundaries(payload) {
      const t0 = performance.now();
      const file = payload.file ?? 'boundaries';
      let index: JoinIndex;
      let features: TownshipFeature[] | null = null;
      try {
        if ('index' in payload) {
          if (!(payload.index instanceof ArrayBuffer)) throw new Error('"index" must be an ArrayBuffer');
          index = deserializeJoinIndex(payload.index);
        } else {
          if (!Array.isArray(payload.features)) throw new Error('"features" must be an array of Polygon/MultiPolygon features');
          features = payload.features;
          index = buildJoinIndex(features);
        }
      } catch (err) {
        throw new DataError(file, errorMessage(err));
      }
      const codes = index.codes !== null ? [...index.codes] : (features ?? []).map((f, i) => featureCode(f, i));
      const bbox: [number, number, number, number] = [index.minX, index.minY, index.maxX, index.maxY];
      current = { index, features, codes, bbox, file };
      const returnIndex = 'returnIndex' in payload && payload.returnIndex === true;
      return {
        townships: index.featureCount,
        codes,
        bbox,
        buildMs: performance.now() - t0,
        ...(returnIndex ? { index: serializeJoinIndex(index) } : {}),
      };
    },

    async parseIncidents(payload, ctx) {
      const { columns, report } = await parseFile(payload.bytes, payload.file, payload, ctx, bytesPerChunk);
      return { ...columns, ...report };
    },

    async joinPoints(payload, ctx) {
      const { index } = requireBoundaries();
      return joinChunked(index, payload, ctx, pointsPerChunk);
    },

    async loadAndJoin(payload, ctx) {
      const { index } = requireBoundaries();
      const file = payload.file;
      if (typeof file !== 'string' || file === '') throw new Error('loadAndJoin: "file" (a name for messages) is required');
      let bytes: ArrayBuffer;
      if (payload.bytes !== undefined) bytes = payload.bytes;
      else if (typeof payload.url === 'string') bytes = await fetchBytes(payload.url, file, options.fetch ?? globalThis.fetch, ctx);
      else throw new DataError(file, 'loadAndJoin needs "url" or "bytes"');
      const { columns, report } = await parseFile(bytes, file, payload, ctx, bytesPerChunk);
      const join = await joinChunked(
        index,
        {
          coords: columns.coords,
          types: columns.types,
          typeCount: INCIDENT_TYPE_COUNT,
          ...(columns.days !== undefined ? { days: columns.days, dayCount: columns.dayCount } : {}),
          returnTownship: payload.returnTownship === true,
        },
        ctx,
        pointsPerChunk,
      );
      return {
        ...join,
        ...report,
        ...(columns.startDay !== undefined ? { startDay: columns.startDay } : {}),
        ...(payload.returnPoints === true ? { points: columns } : {}),
      };
    },

    async areaShares(payload, ctx) {
      const townships = payload.townships ?? current?.features ?? null;
      if (townships === null) throw new Error('areaShares: no township polygons (send "townships", or setBoundaries with features)');
      if (!Array.isArray(payload.layers)) throw new Error('areaShares: "layers" must be an array');
      const prepared = payload.layers.map((layer, i) => {
        const name = typeof layer?.name === 'string' && layer.name !== '' ? layer.name : `layer #${i}`;
        if (!Array.isArray(layer?.features)) throw new DataError(name, 'layer has no "features" array');
        const classes = layer.classes ?? layerClasses(layer.features, name);
        return prepareAreaLayer(layer.features, classes, name);
      });
      const total = townships.length * prepared.length;
      let done = 0;
      const out: Requests['areaShares']['res']['layers'] = [];
      for (const layer of prepared) {
        const shares = new Float64Array(townships.length * layer.classes.length);
        for (let t = 0; t < townships.length; t++) {
          townshipAreaShares(layer, townships[t]!, t, shares);
          done++;
          if (done % townshipsPerChunk === 0 || done === total) {
            ctx.progress('areaShares', done, total);
            if (done < total) await ctx.checkpoint();
          }
        }
        out.push({ name: layer.file, classes: layer.classes, shares });
      }
      return { townships: townships.length, layers: out };
    },

    async difference(payload) {
      const name = typeof payload.name === 'string' && payload.name !== '' ? payload.name : 'coverage';
      const polygonal = (f: unknown): boolean => {
        const type = (f as { geometry?: { type?: unknown } } | null)?.geometry?.type;
        return type === 'Polygon' || type === 'MultiPolygon';
      };
      if (!polygonal(payload.area)) throw new DataError(name, 'difference: "area" is not a Polygon or MultiPolygon feature');
      if (!Array.isArray(payload.minus)) throw new DataError(name, 'difference: "minus" must be an array of features');
      const bad = payload.minus.findIndex((f) => !polygonal(f));
      if (bad >= 0) throw new DataError(name, `feature #${bad} is not a Polygon or MultiPolygon`);
      if (payload.minus.length === 0) return { gap: payload.area };
      try {
        return { gap: difference(featureCollection([payload.area, ...payload.minus]) as FeatureCollection<Polygon | MultiPolygon>) };
      } catch (err) {
        throw new DataError(name, `the uncovered area cannot be computed (${(err as Error).message})`);
      }
    },

    async computeIndex(payload, ctx) {
      const config = validateIndexConfig(payload.config, typeof payload.file === 'string' && payload.file !== '' ? payload.file : 'index-config.json');
      const inputs = payload.inputs;
      if (typeof inputs !== 'object' || inputs === null || !Array.isArray(inputs.codes) || !(inputs.population instanceof Float64Array)) {
        throw new Error('computeIndex: "inputs" must hold "codes", "startDay", "dayCount" and a Float64Array "population"');
      }
      await ctx.checkpoint();
      return computeIndex(config, inputs);
    },

    async generatePoints(payload, ctx) {
      const count = payload.count;
      if (!Number.isInteger(count) || count < 0 || count > MAX_GENERATED_POINTS) {
        throw new RangeError(`generatePoints: count must be an integer 0 … ${MAX_GENERATED_POINTS}, got ${count}`);
      }
      const box = payload.bbox ?? current?.bbox;
      if (box === undefined) throw new Error('generatePoints: no "bbox" and no boundaries');
      const [minX, minY, maxX, maxY] = box;
      if (![minX, minY, maxX, maxY].every(Number.isFinite) || minX > maxX || minY > maxY) throw new RangeError(`generatePoints: bad bbox [${box.join(', ')}]`);
      const dayCount = payload.dayCount;
      if (dayCount !== undefined && (!Number.isInteger(dayCount) || dayCount < 1 || dayCount > INCIDENTS_BIN_MAX_DAYS)) {
        throw new RangeError(`generatePoints: dayCount must be an integer 1 … ${INCIDENTS_BIN_MAX_DAYS}`);
      }
      const random = createRandom(typeof payload.seed === 'number' || typeof payload.seed === 'string' ? payload.seed : 0);
      const coords = new Float64Array(2 * count);
      const types = new Uint8Array(count);
      const days = dayCount === undefined ? undefined : new Uint16Array(count);
      const w = maxX - minX;
      const h = maxY - minY;
      for (let start = 0; start < count; start += pointsPerChunk) {
        const end = Math.min(count, start + pointsPerChunk);
        for (let i = start; i < end; i++) {
          coords[2 * i] = minX + random() * w;
          coords[2 * i + 1] = minY + random() * h;
          types[i] = Math.floor(random() * INCIDENT_TYPE_COUNT);
          if (days !== undefined) days[i] = Math.floor(random() * dayCount!);
        }
        ctx.progress('generate', end, count);
        if (end < count) await ctx.checkpoint();
      }
      return { count, coords, types, ...(days !== undefined ? { days } : {}) };
    },
  };

  // --- dispatch ----------------------------------------------------------------------------

  const run = async (message: RequestMessage, signal: AbortSignal): Promise<unknown> => {
    const ctx: Context = {
      signal,
      progress: (phase, done, total) => post({ id: message.id, progress: { phase, done, total } }),
      checkpoint: async () => {
        await yieldToEventLoop();
        if (signal.aborted) throw new AbortedError();
      },
    };
    const handler = (handlers as Record<string, ((payload: unknown, ctx: Context) => unknown) | undefined>)[message.type];
    if (typeof handler !== 'function' || !Object.hasOwn(handlers, message.type)) throw new Error(`unknown request type ${JSON.stringify(message.type)}`);
    if (typeof message.payload !== 'object' || message.payload === null) throw new Error(`${message.type}: payload must be an object`);
    return await handler(message.payload, ctx);
  };

  const onMessage = (event: MessageEvent): void => {
    const message = event.data as ToWorkerMessage | null;
    if (typeof message !== 'object' || message === null || typeof message.id !== 'number') return;
    const id = message.id;
    if (isCancelMessage(message)) {
      running.get(id)?.abort();
      return;
    }
    if (running.has(id)) {
      post({ id, ok: false, error: { message: `request id ${id} is already running` } });
      return;
    }
    const controller = new AbortController();
    running.set(id, controller);
    const file = fileOf(message);
    run(message, controller.signal).then(
      (result) => {
        running.delete(id);
        post({ id, ok: true, result } as FromWorkerMessage);
      },
      (err: unknown) => {
        running.delete(id);
        post({ id, ok: false, error: controller.signal.aborted ? { message: 'aborted', name: 'AbortError' } : serializeError(err, file) });
      },
    );
  };

  port.addEventListener('message', onMessage);
  port.start?.();
  return {
    dispose() {
      port.removeEventListener?.('message', onMessage);
      for (const c of running.values()) c.abort();
      running.clear();
    },
  };
}

// --- parsing -----------------------------------------------------------------------------------

interface ParsedFile {
  readonly columns: IncidentColumns;
  readonly report: ParseReport;
}

class EncodingError extends Error {}

/** Parse an incidents file; every failure but a cancel is a DataError naming `file`. */
async function parseFile(bytes: unknown, file: string, options: ParseOptions, ctx: Context, bytesPerChunk: number): Promise<ParsedFile> {
  if (typeof file !== 'string' || file === '') throw new Error('parseIncidents: "file" (a name for messages) is required');
  try {
    return await parseFileUnchecked(bytes, file, options, ctx, bytesPerChunk);
  } catch (err) {
    if (err instanceof AbortedError || err instanceof DataError) throw err;
    const message = errorMessage(err);
    throw new DataError(file, message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message);
  }
}

async function parseFileUnchecked(bytes: unknown, file: string, options: ParseOptions, ctx: Context, bytesPerChunk: number): Promise<ParsedFile> {
  if (!(bytes instanceof ArrayBuffer)) throw new DataError(file, 'no file contents ("bytes" must be an ArrayBuffer)');
  const data = new Uint8Array(bytes);
  const format = options.format ?? (isIncidentsBin(data) ? 'bin' : undefined);
  if (format !== undefined && format !== 'bin' && format !== 'csv' && format !== 'geojson') {
    throw new DataError(file, `unknown format ${JSON.stringify(format)} (expected csv, geojson or bin)`);
  }
  if (format === 'bin') {
    const d = decodeIncidents(data, file);
    ctx.progress('parse', data.byteLength, data.byteLength);
    return {
      columns: { count: d.count, coords: d.coords, types: d.types, days: d.days, startDay: d.startDay, dayCount: d.dayCount },
      report: { rowCount: d.count, skipped: [], skippedCount: 0, skippedByReason: {}, format: 'bin' },
    };
  }
  const encodings = ['utf-8', 'gb18030'];
  for (let e = 0; ; e++) {
    try {
      const { parsed, kind } = await parseText(data, file, encodings[e]!, format, options, ctx, bytesPerChunk);
      return toColumns(parsed, kind, file, options.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES);
    } catch (err) {
      if (!(err instanceof EncodingError)) throw err;
      if (e + 1 >= encodings.length) throw new DataError(file, 'is not text in UTF-8 or GB18030 (nor an incidents.bin file)');
    }
  }
}

/** Decode and parse in chunks; CSV is streamed, GeoJSON is parsed whole after decoding. */
async function parseText(
  data: Uint8Array,
  file: string,
  encoding: string,
  format: 'csv' | 'geojson' | undefined,
  options: ParseOptions,
  ctx: Context,
  bytesPerChunk: number,
): Promise<{ parsed: ParsedIncidents; kind: 'csv' | 'geojson' }> {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new EncodingError(encoding); // encoding not supported here
  }
  const parseOptions = {
    ...(options.utcOffsetMinutes !== undefined ? { utcOffsetMinutes: options.utcOffsetMinutes } : {}),
    ...(options.maxSkippedListed !== undefined ? { maxSkippedListed: options.maxSkippedListed } : {}),
  };
  let kind = format;
  let head = '';
  let csv: IncidentStreamParser | null = null;
  const texts: string[] = [];
  const size = data.byteLength;
  for (let start = 0; start < size; start += bytesPerChunk) {
    const end = Math.min(size, start + bytesPerChunk);
    let text: string;
    try {
      text = decoder.decode(data.subarray(start, end), { stream: end < size });
    } catch {
      throw new EncodingError(encoding);
    }
    if (kind === undefined) {
      head += text;
      const first = /\S/.exec(head);
      if (first === null) continue;
      kind = first[0] === '{' || first[0] === '[' ? 'geojson' : 'csv';
      text = head;
      head = '';
    }
    if (kind === 'csv') {
      csv ??= createCsvIncidentParser(file, parseOptions);
      csv.push(text);
    } else texts.push(text);
    ctx.progress('parse', end, size);
    await ctx.checkpoint();
  }
  if (kind === undefined) throw new DataError(file, 'the file is empty');
  if (kind === 'csv') {
    csv ??= createCsvIncidentParser(file, parseOptions);
    csv.end();
    return { parsed: csv.take(), kind };
  }
  return { parsed: parseIncidentsGeoJson(texts.join(''), file, parseOptions), kind };
}

/** Parsed rows → columns with calendar-day offsets from the first day. */
function toColumns(parsed: ParsedIncidents, kind: 'csv' | 'geojson', file: string, utcOffsetMinutes: number): ParsedFile {
  const n = parsed.types.length;
  const report: ParseReport = {
    rowCount: parsed.rowCount,
    skipped: parsed.skipped,
    skippedCount: parsed.skippedCount,
    skippedByReason: parsed.skippedByReason,
    format: kind,
  };
  if (parsed.times === undefined) return { columns: { count: n, coords: parsed.coords, types: parsed.types }, report };
  const times = parsed.times;
  const offsetMs = utcOffsetMinutes * 60_000;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = Math.floor((times[i]! + offsetMs) / DAY_MS);
    if (d < min) min = d;
    if (d > max) max = d;
  }
  if (n === 0) return { columns: { count: 0, coords: parsed.coords, types: parsed.types, days: new Uint16Array(0), startDay: formatDayNumber(0), dayCount: 0 }, report };
  const dayCount = max - min + 1;
  if (dayCount > INCIDENTS_BIN_MAX_DAYS) {
    throw new DataError(file, `times span ${dayCount} days (${formatDayNumber(min)} … ${formatDayNumber(max)}); at most ${INCIDENTS_BIN_MAX_DAYS} are supported`);
  }
  const days = new Uint16Array(n);
  for (let i = 0; i < n; i++) days[i] = Math.floor((times[i]! + offsetMs) / DAY_MS) - min;
  const startDay = formatDayNumber(min);
  if (dayNumberOf(startDay) !== min) throw new DataError(file, `times before year 0 or after 9999 (${startDay})`);
  return { columns: { count: n, coords: parsed.coords, types: parsed.types, days, startDay, dayCount }, report };
}

async function fetchBytes(href: string, file: string, fetchImpl: typeof fetch | undefined, ctx: Context): Promise<ArrayBuffer> {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new DataError(file, `URL ${JSON.stringify(href)} is not absolute (resolve it on the main thread against document.baseURI)`);
  }
  if (typeof fetchImpl !== 'function') throw new DataError(file, 'cannot be downloaded: fetch is not available');
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: ctx.signal });
  } catch (err) {
    if (ctx.signal.aborted) throw new AbortedError();
    throw new DataError(file, `cannot be downloaded from ${url.href} (${errorMessage(err)})`);
  }
  if (!response.ok) throw new DataError(file, `cannot be downloaded from ${url.href} (HTTP ${response.status} ${response.statusText})`);
  const declared = Number(response.headers.get('content-length'));
  const total = Number.isFinite(declared) && declared > 0 ? declared : 0;
  try {
    if (response.body === null) {
      const buf = await response.arrayBuffer();
      ctx.progress('fetch', buf.byteLength, buf.byteLength);
      return buf;
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    let reported = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      if (received - reported >= 1 << 20) {
        reported = received;
        ctx.progress('fetch', received, total >= received ? total : 0);
      }
      if (ctx.signal.aborted) {
        void reader.cancel();
        throw new AbortedError();
      }
    }
    ctx.progress('fetch', received, received);
    const out = new Uint8Array(received);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.byteLength;
    }
    return out.buffer;
  } catch (err) {
    if (ctx.signal.aborted || err instanceof AbortedError) throw new AbortedError();
    throw new DataError(file, `download from ${url.href} failed (${errorMessage(err)})`);
  }
}

// --- joining -----------------------------------------------------------------------------------

/**
 * joinPoints in chunks: the same counts as `joinPoints(index, coords, types, typeCount, days,
 * dayCount)` (same rules: a point with type ≥ typeCount or outside every township is not counted;
 * a day outside 0 … dayCount−1 is counted in `counts`, not in `countsByDay`).
 */
async function joinChunked(index: JoinIndex, req: Requests['joinPoints']['req'], ctx: Context, pointsPerChunk: number): Promise<JoinCounts> {
  const { coords, types, days } = req;
  if (!(coords instanceof Float64Array || coords instanceof Float32Array)) throw new TypeError('joinPoints: "coords" must be a Float64Array or Float32Array');
  if ((coords.length & 1) !== 0) throw new RangeError('joinPoints: coords must hold lon, lat pairs');
  const n = coords.length >> 1;
  if (types !== undefined && !(types instanceof Uint8Array)) throw new TypeError('joinPoints: "types" must be a Uint8Array');
  if (types !== undefined && types.length < n) throw new RangeError(`joinPoints: ${types.length} types for ${n} points`);
  if (days !== undefined && !(days instanceof Uint16Array || days instanceof Int32Array)) throw new TypeError('joinPoints: "days" must be a Uint16Array or Int32Array');
  if (days !== undefined && days.length < n) throw new RangeError(`joinPoints: ${days.length} days for ${n} points`);
  const T = req.typeCount ?? (types === undefined ? 1 : INCIDENT_TYPE_COUNT);
  if (!Number.isInteger(T) || T < 1 || T > 256) throw new RangeError(`joinPoints: typeCount must be an integer 1 … 256, got ${T}`);
  const F = index.featureCount;
  let D = 0;
  if (days !== undefined) {
    D = req.dayCount ?? maxPlusOne(days);
    if (!Number.isInteger(D) || D < 0) throw new RangeError(`joinPoints: dayCount must be a non-negative integer, got ${D}`);
    if (D * F * T > MAX_COUNTS_BY_DAY) throw new RangeError(`joinPoints: ${D} days × ${F} townships × ${T} types is too many counts`);
  }
  const returnTownship = req.returnTownship === true;
  const township = returnTownship ? new Int32Array(n) : null;
  const scratch = returnTownship ? null : new Int32Array(Math.min(n, pointsPerChunk));
  const counts = new Uint32Array(F * T);
  const countsByDay = days === undefined ? undefined : new Uint32Array(D * F * T);
  let outside = 0;
  for (let start = 0; start < n; start += pointsPerChunk) {
    const end = Math.min(n, start + pointsPerChunk);
    const located = township !== null ? township.subarray(start, end) : scratch!.subarray(0, end - start);
    locatePoints(index, coords.subarray(2 * start, 2 * end), located);
    for (let p = start; p < end; p++) {
      const k = located[p - start]!;
      if (k < 0) {
        outside++;
        continue;
      }
      const t = types === undefined ? 0 : types[p]!;
      if (t >= T) continue;
      counts[k * T + t]!++;
      if (countsByDay !== undefined) {
        const d = days![p]!;
        if (d >= 0 && d < D) countsByDay[(d * F + k) * T + t]!++;
      }
    }
    ctx.progress('join', end, n);
    if (end < n) await ctx.checkpoint();
  }
  return {
    count: n,
    outside,
    townships: F,
    typeCount: T,
    dayCount: D,
    counts,
    ...(countsByDay !== undefined ? { countsByDay } : {}),
    ...(township !== null ? { township } : {}),
  };
}

function maxPlusOne(a: Uint16Array | Int32Array): number {
  let m = -1;
  for (let i = 0; i < a.length; i++) if (a[i]! > m) m = a[i]!;
  return m + 1;
}

// --- helpers -----------------------------------------------------------------------------------

function fileOf(message: RequestMessage): string | undefined {
  const p = message.payload as { file?: unknown } | null;
  return typeof p === 'object' && p !== null && typeof p.file === 'string' && p.file !== '' ? p.file : message.type === 'setBoundaries' ? 'boundaries' : undefined;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function serializeError(err: unknown, requestFile: string | undefined): SerializedError {
  const name = err instanceof Error ? err.name : 'Error';
  let message = errorMessage(err);
  let file: string | undefined;
  if (err instanceof DataError) file = err.file;
  else if (requestFile !== undefined && message.startsWith(`${requestFile}: `)) file = requestFile;
  if (file !== undefined && !message.includes(file)) message = `${file}: ${message}`;
  return { message, name, ...(file !== undefined ? { file } : {}) };
}

/**
 * Let queued messages (a cancel) be delivered: setImmediate in Node; a MessageChannel round trip
 * in browsers (setTimeout is clamped to ≥ 4 ms when nested).
 */
const yieldToEventLoop: () => Promise<void> = (() => {
  if (typeof setImmediate === 'function') return () => new Promise<void>((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      });
  }
  return () => new Promise<void>((resolve) => setTimeout(resolve, 0));
})();
