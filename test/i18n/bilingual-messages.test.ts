/**
 * Every problem an operator or official can read is in both languages (issue #11): each parser runs
 * over bad inputs (bad-inputs.ts, one per message) and every message must start with its file name,
 * then an English half, " · " and a Chinese half — and the screen shows one of them in either
 * language (src/i18n/bilingual.ts). A message reverted to English only fails here; so does a new
 * `new DataError(file, '…')` written without bilingual() (the scan at the end).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataError, DataErrorList } from '../../src/core/data-error.ts';
import { inLocale } from '../../src/i18n/bilingual.ts';
import { fetchText } from '../../src/state/fetch.ts';
import type { RequestContext } from '../../src/worker/context.ts';
import { fetchBytes } from '../../src/worker/fetch-bytes.ts';
import { parseIncidentFile } from '../../src/worker/parse-file.ts';
import { areaShares } from '../../src/worker/requests/area-shares.ts';
import { difference } from '../../src/worker/requests/difference.ts';
import { inspectImport } from '../../src/worker/requests/inspect-import.ts';
import { loadAndJoin } from '../../src/worker/requests/load-and-join.ts';
import { setBoundaries } from '../../src/worker/requests/set-boundaries.ts';
import { baseFolder } from '../../data/publish/base-folder.ts';
import { Collector } from '../../data/publish/collect.ts';
import { publish } from '../../data/publish/run-publish.ts';
import { CASES } from './bad-inputs.ts';

const CJK = /[\u3400-\u9fff]/;
const cjkShare = (s: string): number => (s.match(/[\u3400-\u9fff]/g)?.length ?? 0) / Math.max(1, s.replace(/[\s\d\p{P}\p{S}]/gu, '').length);

/** `file: English · 中文` (a DataErrorList's "(+n more · 另有 n 处)" after it), shown one half at a time. */
function expectBilingual(message: string, file: string): void {
  const prefix = `${file}: `;
  expect(message.startsWith(prefix), `does not start with "${prefix}": ${message}`).toBe(true);
  const body = message.slice(prefix.length).replace(/ \(\+\d+ more · 另有 \d+ 处\)$/, '');
  const halves = body.split(' · ');
  expect(halves, `not "English · 中文": ${message}`).toHaveLength(2);
  const [en, zh] = halves as [string, string];
  expect(en, `no English half: ${message}`).toMatch(/[A-Za-z]{3}/);
  expect(zh, `no Chinese half: ${message}`).toMatch(CJK);
  expect(cjkShare(en), `the first half is not the English one: ${message}`).toBeLessThan(cjkShare(zh));
  expect(inLocale(message, 'en', prefix)).toBe(prefix + en);
  expect(inLocale(message, 'zh', prefix)).toBe(prefix + zh);
}

/** The messages `run` gives: its DataError (all of a list), or the warnings it returns. */
async function messagesOf(run: () => unknown): Promise<string[]> {
  let result: unknown;
  try {
    result = await run();
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return error instanceof DataErrorList ? [error.message, ...error.errors.map((e) => e.message)] : [error.message];
  }
  if (Array.isArray(result) && result.length > 0) return result.map((w) => (w instanceof DataError ? w.message : String(w)));
  throw new Error('the input was accepted: it gave no problem');
}

describe('every parser gives its problems in English and Chinese, starting with the file', () => {
  it.each(CASES)('%s', async (_, file, run) => {
    for (const message of await messagesOf(run)) expectBilingual(message, file);
  });
});

function context(fetchImpl?: typeof fetch): RequestContext {
  return {
    signal: new AbortController().signal,
    pointsPerChunk: 1 << 18,
    bytesPerChunk: 1 << 22,
    townshipsPerChunk: 4,
    fetch: fetchImpl,
    session: { boundaries: null, imported: null },
    progress: () => {},
    checkpoint: async () => {},
  };
}
const SQUARE = { type: 'Feature', properties: { code: '331102001' }, geometry: { type: 'Polygon', coordinates: [[[120, 28], [121, 28], [121, 29], [120, 28]]] } } as never;
const notFound = (async () => new Response('', { status: 404, statusText: 'Not Found' })) as typeof fetch;
const offline = (async () => {
  throw new TypeError('fetch failed');
}) as typeof fetch;
const cutOff = (async () =>
  new Response(
    new ReadableStream({
      pull(controller) {
        controller.error(new TypeError('network lost'));
      },
    }),
  )) as typeof fetch;
const bytes = (text: string): ArrayBuffer => new TextEncoder().encode(text).buffer as ArrayBuffer;

const WORKER_CASES: readonly (readonly [string, string, () => unknown])[] = [
  ['download: not a full address', 'a.csv', () => fetchBytes('data/a.csv', 'a.csv', context(notFound))],
  ['download: no fetch', 'a.csv', () => fetchBytes('https://x.test/a.csv', 'a.csv', context())],
  ['download: offline', 'a.csv', () => fetchBytes('https://x.test/a.csv', 'a.csv', context(offline))],
  ['download: not found', 'a.csv', () => fetchBytes('https://x.test/a.csv', 'a.csv', context(notFound))],
  ['download: cut off', 'a.csv', () => fetchBytes('https://x.test/a.csv', 'a.csv', context(cutOff))],
  ['parse: no bytes', 'a.csv', () => parseIncidentFile('x', 'a.csv', {}, context())],
  ['parse: an unknown format', 'a.csv', () => parseIncidentFile(bytes('x'), 'a.csv', { format: 'xlsx' as never }, context())],
  ['parse: not text', 'a.csv', () => parseIncidentFile(new Uint8Array([0xff, 0xff, 0xff, 0xff]).buffer, 'a.csv', {}, context())],
  ['parse: empty', 'a.csv', () => parseIncidentFile(bytes(' \n '), 'a.csv', {}, context())],
  ['boundaries for the join', 'lines.geojson', () => setBoundaries({ file: 'lines.geojson', features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [] } } as never] }, context())],
  ['join: neither address nor bytes', 'a.csv', () => {
    const ctx = context();
    setBoundaries({ features: [SQUARE] }, ctx);
    return loadAndJoin({ file: 'a.csv' } as never, ctx);
  }],
  ['uncovered area: not a polygon', 'coverage.geojson', () => difference({ name: 'coverage.geojson', area: {} as never, minus: [] })],
  ['uncovered area: no coverage', 'coverage.geojson', () => difference({ name: 'coverage.geojson', area: SQUARE, minus: 3 as never })],
  ['uncovered area: a coverage point', 'coverage.geojson', () => difference({ name: 'coverage.geojson', area: SQUARE, minus: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1, 2] } } as never] })],
  ['uncovered area: shapes that cannot be cut', 'coverage.geojson', () => difference({ name: 'coverage.geojson', area: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: 'x' } } as never, minus: [SQUARE] })],
  ['area shares: a layer without features', 'hazard-zones.geojson', () => areaShares({ townships: [SQUARE], layers: [{ name: 'hazard-zones.geojson' } as never] }, context())],
  ['import: no bytes', 'x.csv', () => inspectImport({ file: 'x.csv', bytes: 'x' as never, knownCodes: [] }, context())],
  ['publish: --as-of', '--as-of', () => publish({ exportsDir: '/nowhere', out: '/nowhere', asOf: 'noon' }).errors],
  ['publish: no data set to start from', 'manifest.json', () => baseFolder('/nowhere/out', '/nowhere/builtin')],
  ['publish: more problems than listed', 'indicators.csv', () => {
    const c = new Collector();
    c.attempt(() => {
      throw new DataErrorList([new DataError('indicators.csv', 'line 2: bad · 第 2 行：有误')], 30);
    });
    return c.errors.slice(1);
  }],
];

describe('the worker, the app and publish give theirs in both languages too', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each(WORKER_CASES)('%s', async (_, file, run) => {
    for (const message of await messagesOf(run)) expectBilingual(message, file);
  });

  it.each([
    ['offline', offline],
    ['not found', notFound],
  ] as const)('the app fetching a data file: %s', async (_, fetchImpl) => {
    vi.stubGlobal('fetch', fetchImpl);
    for (const message of await messagesOf(() => fetchText(new URL('https://x.test/data/levels.json')))) expectBilingual(message, 'levels.json');
  });
});

describe('no message is written without bilingual()', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
    });

  it('src and data/publish build every DataError message with bilingual() or a helper that does', () => {
    // `new DataError(file, 'literal' | "literal" | `literal`)`: a message that can only be one language.
    const literal = /new (?:DataError|NotLineDelimitedError)\(\s*[^,()]+(?:\([^()]*\))?,\s*['"`]/g;
    const found = [...files('src'), ...files('data/publish')].flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(literal)].map((m) => `${path}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });
});
