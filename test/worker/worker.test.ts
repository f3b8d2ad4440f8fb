import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeIncidents } from '../../src/core/incidents/incidents-bin.ts';
import { buildJoinIndex } from '../../src/core/pip/build-index.ts';
import { joinPoints } from '../../src/core/pip/join-points.ts';
import { parseIncidents } from '../../src/core/incidents/parse-incidents.ts';
import type { JoinIndex } from '../../src/core/pip/join-index.ts';
import { WorkerError } from '../../src/worker/client.ts';
import { collectTransferables } from '../../src/worker/transfer-list.ts';
import { type FailureMessage, type FromWorkerMessage, type Progress, type ToWorkerMessage } from '../../src/worker/protocol.ts';
import { connect, fileBytes, generatePoints, lishuiTownships, seededPoints, textBytes, until, type Connection } from './helpers.ts';

const F = 173;
const T = 7;
let index: JoinIndex;
let open: Connection[] = [];

/** The extent of the current boundaries (what the worker's generatePoints used by default). */
const extent = (): [number, number, number, number] => [index.minX, index.minY, index.maxX, index.maxY];

beforeAll(() => {
  index = buildJoinIndex(lishuiTownships());
});

afterEach(() => {
  for (const c of open) c.close();
  open = [];
});

async function ready(options: Parameters<typeof connect>[0] = {}): Promise<Connection> {
  const c = connect(options);
  open.push(c);
  const set = await c.client.request('setBoundaries', { features: lishuiTownships(), file: 'townships.topo.json' });
  expect(set.townships).toBe(F);
  return c;
}

/** A rejection's error (fails when the promise resolves). */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the request to fail');
}

describe('protocol: collectTransferables', () => {
  it('lists every buffer once, walks objects and arrays, skips coordinate arrays', () => {
    const a = new Float64Array(4);
    const b = new Uint8Array(2);
    const raw = new ArrayBuffer(8);
    const shared = new Uint8Array(a.buffer, 8, 8);
    const list = collectTransferables({ a, nested: [{ b, raw }, shared], again: a, text: 'x', n: 1, pos: [[120, 28]] });
    expect(list).toHaveLength(3);
    expect(new Set(list)).toEqual(new Set([a.buffer, b.buffer, raw]));
    expect(collectTransferables(null)).toEqual([]);
    // Geometries are not walked (numbers only), but a buffer beside them still is found.
    const feature = { type: 'Feature', properties: { code: '331102001' }, geometry: { type: 'Polygon', coordinates: [[[120, 28], [121, 28], [120, 29], [120, 28]]] } };
    expect(collectTransferables({ features: [feature], shares: b })).toEqual([b.buffer]);
  });
});

describe('worker over a MessageChannel', () => {
  it('(a) joins seeded points to the same counts as joinPoints directly', async () => {
    const { client } = await ready({ pointsPerChunk: 50_000 });
    const generated = generatePoints(200_000, 42, extent(), 10);
    expect(generated.count).toBe(200_000);
    expect(generatePoints(200_000, 42, extent(), 10).coords).toEqual(generated.coords); // seeded: same points
    const coords = generated.coords.slice();
    const types = generated.types.slice();
    const days = generated.days!.slice();

    const direct = joinPoints(index, coords, types, T, days, 10);
    const result = await client.request('joinPoints', { coords: generated.coords, types: generated.types, days: generated.days!, typeCount: T, dayCount: 10, returnTownship: true });
    expect(result.count).toBe(200_000);
    expect(result.typeCount).toBe(T);
    expect(result.dayCount).toBe(10);
    expect(result.counts).toEqual(direct.counts);
    expect(result.countsByDay).toEqual(direct.countsByDay);
    expect(result.township).toEqual(direct.township);
    expect(result.outside).toBe(direct.township.filter((k) => k < 0).length);
    expect(result.counts.reduce((s, x) => s + x, 0)).toBe(200_000 - result.outside);

    // Points from outside the boundary extent, without days.
    const own = seededPoints(30_000, 7);
    const direct2 = joinPoints(index, own.coords.slice(), own.types.slice(), T);
    const result2 = await client.request('joinPoints', { coords: own.coords, types: own.types });
    expect(result2.counts).toEqual(direct2.counts);
    expect(result2.countsByDay).toBeUndefined();
    expect(result2.township).toBeUndefined();
    expect(result2.outside).toBeGreaterThan(0);
  });

  it('(b) transfers: sent buffers are detached, result arrays arrive', async () => {
    const { client } = await ready();
    const { coords, types, days } = seededPoints(10_000, 3);
    const pending = client.request('joinPoints', { coords, types, days, dayCount: 10, returnTownship: true });
    expect(coords.byteLength).toBe(0);
    expect(coords.buffer.byteLength).toBe(0);
    expect(types.byteLength).toBe(0);
    expect(days.byteLength).toBe(0);
    const result = await pending;
    expect(result.counts).toBeInstanceOf(Uint32Array);
    expect(result.counts.length).toBe(F * T);
    expect(result.countsByDay).toBeInstanceOf(Uint32Array);
    expect(result.countsByDay!.length).toBe(10 * F * T);
    expect(result.township).toBeInstanceOf(Int32Array);
    expect(result.township!.length).toBe(10_000);

    const bytes = fileBytes('test/fixtures/worker/incidents.csv');
    const parsing = client.request('parseIncidents', { file: 'incidents.csv', bytes });
    expect(bytes.byteLength).toBe(0);
    const parsed = await parsing;
    expect(parsed.coords).toBeInstanceOf(Float64Array);
    expect(parsed.count).toBe(4);

    // setBoundaries can hand back a serialized index, and take one instead of features.
    const set = await client.request('setBoundaries', { features: lishuiTownships(), returnIndex: true });
    expect(set.index).toBeInstanceOf(ArrayBuffer);
    const c2 = connect();
    open.push(c2);
    const cached = set.index!;
    const set2 = await c2.client.request('setBoundaries', { index: cached });
    expect(cached.byteLength).toBe(0);
    expect(set2.codes).toEqual(set.codes);
    const p = seededPoints(5_000, 9);
    const direct = joinPoints(index, p.coords.slice(), p.types.slice(), T);
    expect((await c2.client.request('joinPoints', p)).counts).toEqual(direct.counts);
  });

  it('(c) cancel: the cancel message is sent, the worker stops, later requests work', async () => {
    const { client, seen, received } = await ready();
    const idsOf = (size: number): number[] =>
      received.flatMap((m) => ('type' in m && m.type === 'joinPoints' && m.payload.coords.length === 2 * size ? [m.id] : []));
    const answerOf = (id: number): FailureMessage | undefined => seen.find((m): m is FailureMessage => m.id === id && 'ok' in m);
    const progressPosted = (id: number): number => seen.filter((m) => m.id === id && 'progress' in m).length;
    const cancelled = (id: number): boolean => received.some((m) => m.id === id && 'cancel' in m && m.cancel === true);
    const wholeChunks = Math.ceil(3_000_000 / 262_144);

    const big = seededPoints(3_000_000, 11);
    const controller = new AbortController();
    const progress: Progress[] = [];
    const aborted = client.request('joinPoints', big, { signal: controller.signal, onProgress: (p) => progress.push(p) });
    controller.abort();
    const err = await failure(aborted);
    expect(err).toBeInstanceOf(DOMException);
    expect(err.name).toBe('AbortError');
    expect(client.pendingCount).toBe(0);

    // The worker got the request and then the cancel, posted real progress before it saw the
    // cancel, and stopped early with an AbortError answer; the client delivered none of it.
    await until(() => idsOf(3_000_000).length === 1 && answerOf(idsOf(3_000_000)[0]!) !== undefined);
    const bigId = idsOf(3_000_000)[0];
    expect(cancelled(bigId!)).toBe(true);
    expect(answerOf(bigId!)?.error).toEqual({ message: 'aborted', name: 'AbortError' });
    expect(progressPosted(bigId!)).toBeGreaterThanOrEqual(1);
    expect(progressPosted(bigId!)).toBeLessThan(wholeChunks);
    expect(progress).toEqual([]);

    // A newer request after cancelling an older one returns the newer's answer.
    const small = seededPoints(2_000, 12);
    const direct = joinPoints(index, small.coords.slice(), small.types.slice(), T);
    const newer = await client.request('joinPoints', small);
    expect(newer.count).toBe(2_000);
    expect(newer.counts).toEqual(direct.counts);

    // Cancelling one of two concurrent requests leaves the other alone.
    const c1 = new AbortController();
    const first = client.request('joinPoints', seededPoints(3_000_000, 1), { signal: c1.signal });
    const second = client.request('joinPoints', seededPoints(1_000, 2));
    c1.abort();
    expect((await failure(first)).name).toBe('AbortError');
    expect((await second).count).toBe(1_000);
    await until(() => idsOf(3_000_000).length === 2 && answerOf(idsOf(3_000_000)[1]!) !== undefined);
    const firstId = idsOf(3_000_000)[1]!;
    expect(cancelled(firstId)).toBe(true);
    expect(answerOf(firstId)?.error.name).toBe('AbortError');
    expect(progressPosted(firstId)).toBeLessThan(wholeChunks);

    // An already-aborted signal rejects without sending anything.
    const pre = new AbortController();
    pre.abort();
    expect((await failure(client.request('joinPoints', seededPoints(10, 77), { signal: pre.signal }))).name).toBe('AbortError');
    await client.request('joinPoints', seededPoints(1, 78));
    const sentSizes = received.flatMap((m) => ('type' in m && m.type === 'joinPoints' ? [m.payload.coords.length / 2] : []));
    expect(sentSizes).toEqual([3_000_000, 2_000, 3_000_000, 1_000, 1]);
    // Exactly the two aborted requests were cancelled, each after the worker had received it.
    const cancels = received.filter((m): m is ToWorkerMessage & { cancel: true } => 'cancel' in m);
    expect(cancels.map((m) => m.id)).toEqual([bigId, firstId]);
    for (const [i, m] of received.entries()) if ('cancel' in m) expect(received.slice(0, i).some((r) => r.id === m.id && 'type' in r)).toBe(true);
  });

  it('(d) errors reject with the file named, and the worker keeps answering', async () => {
    const { client } = await ready();
    const csv = await failure(client.request('parseIncidents', { file: 'malformed.csv', bytes: fileBytes('test/fixtures/worker/malformed.csv') }));
    expect(csv).toBeInstanceOf(WorkerError);
    expect(csv.message).toMatch(/^malformed\.csv: line 3: unterminated quoted field/);
    expect((csv as WorkerError).file).toBe('malformed.csv');

    const noColumns = await failure(client.request('loadAndJoin', { file: 'cols.csv', bytes: textBytes('a,b\n1,2\n') }));
    expect(noColumns.message).toMatch(/^cols\.csv: no lon\/lat columns/);

    const magic = await failure(client.request('parseIncidents', { file: 'bad-magic.bin', bytes: fileBytes('test/fixtures/worker/bad-magic.bin'), format: 'bin' }));
    expect(magic.message).toMatch(/^bad-magic\.bin: not an incidents\.bin file \(it starts with /);
    expect((magic as WorkerError).name).toBe('DataError');

    const bin = encodeIncidents({ coords: new Float64Array([119.9, 28.4, 120, 28.5]), types: new Uint8Array([1, 2]), days: new Uint16Array([0, 1]), startDay: '2026-11-01' });
    const truncated = await failure(client.request('loadAndJoin', { file: 'history.bin', bytes: bin.slice(0, bin.byteLength - 1) }));
    expect(truncated.message).toMatch(/^history\.bin: truncated/);
    expect((truncated as WorkerError).file).toBe('history.bin');

    const empty = await failure(client.request('parseIncidents', { file: 'blank.csv', bytes: textBytes('  \n\n') }));
    expect(empty.message).toBe('blank.csv: the file is empty — export the incidents again · 文件是空的，请重新导出事件');

    const badBoundaries = await failure(
      client.request('setBoundaries', { file: 'lines.geojson', features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [] } as never }] }),
    );
    expect(badBoundaries.message).toMatch(/^lines\.geojson: the township boundaries cannot be used to place incidents \(feature #0 .*LineString.*\) — check the boundaries file, .* · 乡镇边界无法用于匹配事件所在乡镇/);

    const offline = connect({
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    open.push(offline);
    await offline.client.request('setBoundaries', { features: lishuiTownships() });
    const missing = await failure(offline.client.request('loadAndJoin', { file: 'gone.csv', url: 'http://example.test/gone.csv' }));
    expect(missing.message).toBe(
      'gone.csv: cannot be downloaded from http://example.test/gone.csv (fetch failed) — check the network connection, then load it again · 无法从 http://example.test/gone.csv 下载，请检查网络连接后重新载入',
    );
    const relative = await failure(client.request('loadAndJoin', { file: 'rel.csv', url: 'data/rel.csv' }));
    expect(relative.message).toMatch(/^rel\.csv: cannot be downloaded: the app asked for "data\/rel\.csv", not a full address \(an error in the app, not in the file — report it\) · /);

    const unknown = await failure(client.request('nope' as 'joinPoints', { coords: new Float64Array(2) }));
    expect(unknown.message).toMatch(/unknown request type "nope"/);

    const c2 = connect();
    open.push(c2);
    const noBoundaries = await failure(c2.client.request('joinPoints', { coords: new Float64Array(2) }));
    expect(noBoundaries.message).toMatch(/no boundaries/);

    // Still answering.
    expect((await client.request('joinPoints', seededPoints(5, 5))).count).toBe(5);
  });

  it('(e) progress messages arrive for long requests, one per chunk', async () => {
    const { client, seen } = await ready();
    const progress: Progress[] = [];
    const p = seededPoints(1_000_000, 21);
    const result = await client.request('joinPoints', p, { onProgress: (x) => progress.push(x) });
    expect(result.count).toBe(1_000_000);
    expect(progress.map((x) => x.done)).toEqual([262_144, 524_288, 786_432, 1_000_000]);
    expect(progress.every((x) => x.phase === 'join' && x.total === 1_000_000)).toBe(true);
    // What the caller got is exactly what the worker posted, all before the answer.
    const posted = seen.filter((m): m is FromWorkerMessage & { progress: Progress } => 'progress' in m);
    expect(posted.map((m) => m.progress)).toEqual(progress);
    const answerAt = seen.findIndex((m) => 'ok' in m && m.id === posted[0]!.id);
    expect(seen.slice(answerAt + 1).some((m) => 'progress' in m)).toBe(false);
  });

  it('loads, parses and joins in one request: CSV with times, GeoJSON, incidents.bin, from bytes or a URL', async () => {
    const { client } = await ready({ bytesPerChunk: 64, pointsPerChunk: 2 });
    const text = new TextDecoder().decode(fileBytes('test/fixtures/worker/incidents.csv'));
    const parsed = parseIncidents(text, 'incidents.csv');
    const direct = joinPoints(index, parsed.coords, parsed.types, T);

    const phases: string[] = [];
    const joined = await client.request('loadAndJoin', { file: 'incidents.csv', bytes: textBytes(text), returnPoints: true }, { onProgress: (x) => phases.push(x.phase) });
    expect(joined.format).toBe('csv');
    expect(joined.counts).toEqual(direct.counts);
    expect(joined.count).toBe(4);
    expect(joined.rowCount).toBe(7);
    expect(joined.skippedCount).toBe(3);
    expect(joined.skipped.map((s) => s.row)).toEqual([6, 7, 8]);
    expect(joined.startDay).toBe('2026-11-01');
    expect(joined.dayCount).toBe(3);
    // The file's days are 0, 0, 2, 1: the points come back ordered by day (stable), with each day's start.
    expect([...joined.points!.days]).toEqual([0, 0, 1, 2]);
    expect([...joined.points!.dayStart]).toEqual([0, 2, 3, 4]);
    expect([...joined.points!.coords.subarray(4, 6)]).toEqual([...parsed.coords.subarray(6, 8)]);
    expect(joined.countsByDay!.reduce((s, x) => s + x, 0)).toBe(joined.counts.reduce((s, x) => s + x, 0));
    expect(phases.indexOf('join')).toBeGreaterThan(phases.lastIndexOf('parse'));
    expect(phases.filter((x) => x === 'parse').length).toBeGreaterThan(2);

    // A CSV saved as GB18030 / GBK (Excel on Chinese Windows): 火灾 = bb f0 d4 d6, 交通事故 = bd bb cd a8 ca c2 b9 ca.
    const ascii = (t: string): number[] => [...new TextEncoder().encode(t)];
    const gbk = new Uint8Array([
      ...ascii('lon,lat,type\n119.92,28.45,'), 0xbb, 0xf0, 0xd4, 0xd6,
      ...ascii('\n120.1,28.1,'), 0xbd, 0xbb, 0xcd, 0xa8, 0xca, 0xc2, 0xb9, 0xca, ...ascii('\n'),
    ]);
    const fromGbk = await client.request('parseIncidents', { file: 'gbk.csv', bytes: gbk.buffer });
    expect(fromGbk.count).toBe(2);
    expect([...fromGbk.types]).toEqual([3, 4]);

    // GeoJSON (auto-detected).
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { type: 'fire' }, geometry: { type: 'Point', coordinates: [119.92, 28.45] } },
        { type: 'Feature', properties: { type: '交通事故' }, geometry: { type: 'Point', coordinates: [120.1, 28.1] } },
      ],
    });
    const g = await client.request('loadAndJoin', { file: 'incidents.geojson', bytes: textBytes(geojson) });
    expect(g.format).toBe('geojson');
    expect(g.counts).toEqual(joinPoints(index, new Float64Array([119.92, 28.45, 120.1, 28.1]), new Uint8Array([3, 4]), T).counts);

    // incidents.bin (auto-detected by its magic), fetched from a URL.
    const history = seededPoints(1_000, 5);
    const bin = encodeIncidents({ coords: history.coords, types: history.types, days: history.days, startDay: '2026-10-01', dayCount: 30 });
    const c2 = connect({
      fetch: async (input) => (String(input) === 'https://example.test/data/incidents.bin' ? new Response(bin.slice(0)) : new Response('no', { status: 404, statusText: 'Not Found' })),
    });
    open.push(c2);
    await c2.client.request('setBoundaries', { features: lishuiTownships() });
    const fromUrl = await c2.client.request('loadAndJoin', { file: 'incidents.bin', url: 'https://example.test/data/incidents.bin' });
    expect(fromUrl.format).toBe('bin');
    expect(fromUrl.startDay).toBe('2026-10-01');
    expect(fromUrl.dayCount).toBe(30);
    const decodedDirect = joinPoints(index, history.coords, history.types, T, history.days, 30);
    expect(fromUrl.counts).toEqual(decodedDirect.counts);
    expect(fromUrl.countsByDay).toEqual(decodedDirect.countsByDay);
    const notFound = await failure(c2.client.request('loadAndJoin', { file: 'other.bin', url: 'https://example.test/data/other.bin' }));
    expect(notFound.message).toBe(
      'other.bin: cannot be downloaded from https://example.test/data/other.bin (HTTP 404 Not Found) — check that the file is at that address · 无法从 https://example.test/data/other.bin 下载（HTTP 404 Not Found），请确认文件在该地址',
    );
  });

  it('computes area shares for the current boundaries', async () => {
    const { client } = await ready({ townshipsPerChunk: 50 });
    const [minX, minY, maxX, maxY] = [118, 27, 121, 30];
    const midX = 119.6;
    const box = (x0: number, y0: number, x1: number, y1: number): { type: 'Polygon'; coordinates: number[][][] } => ({
      type: 'Polygon',
      coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
    });
    const progress: Progress[] = [];
    const res = await client.request(
      'areaShares',
      {
        layers: [
          {
            name: 'hazard.geojson',
            classes: ['high', 'low'],
            features: [
              { type: 'Feature', properties: { class: 'high' }, geometry: box(minX, minY, midX, maxY) },
              { type: 'Feature', properties: { class: 'low' }, geometry: box(midX, minY, maxX, maxY) },
            ],
          },
        ],
      },
      { onProgress: (p) => progress.push(p) },
    );
    expect(res.townships).toBe(F);
    const { classes, shares } = res.layers[0]!;
    expect(classes).toEqual(['high', 'low']);
    expect(shares.length).toBe(F * 2);
    for (let t = 0; t < F; t++) expect(shares[2 * t]! + shares[2 * t + 1]!).toBeCloseTo(1, 12);
    expect(progress.map((p) => p.done)).toEqual([50, 100, 150, 173]);

    const bad = await failure(
      client.request('areaShares', { layers: [{ name: 'teams.geojson', features: [{ type: 'Feature', properties: {}, geometry: box(0, 0, 1, 1) }] }] }),
    );
    expect(bad.message).toBe('teams.geojson: feature #0 has no "class" property — fill in its class (e.g. "high") · 要素 #0 缺少“class”属性，请填写其类别（如 "high"）');
  });
});
