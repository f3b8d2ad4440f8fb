/** The computeIndex request: the engine in the worker, inputs transferred there and back, config errors naming the file and key. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDailyFile } from '../../src/core/daily-file.ts';
import { decodeIncidents } from '../../src/core/incidents/incidents-bin.ts';
import { assembleIndexInputs } from '../../src/core/safety-index/inputs.ts';
import { computeIndex } from '../../src/core/safety-index/compute-index.ts';
import type { IndexInputs } from '../../src/core/safety-index/index-inputs.ts';
import { domainChanges, townshipDay } from '../../src/core/safety-index/explain.ts';
import { parseIndexConfig } from '../../src/core/safety-index/config.ts';
import { buildJoinIndex } from '../../src/core/pip/build-index.ts';
import { INCIDENT_TYPE_COUNT } from '../../src/core/incidents/incident-types.ts';
import { joinPoints } from '../../src/core/pip/join-points.ts';
import { WorkerError } from '../../src/worker/client.ts';
import { connect, lishuiTownships, type Connection } from './helpers.ts';

const configText = readFileSync('public/data/index-config.json', 'utf8');
let open: Connection[] = [];
afterEach(() => {
  for (const c of open) c.close();
  open = [];
});

/** Lishui's inputs as the app assembles them: daily.json + incidents.bin joined to the townships. */
function lishuiInputs(): IndexInputs {
  const features = lishuiTownships();
  const codes = features.map((f) => String(f.properties!.code));
  const daily = parseDailyFile(readFileSync('public/data/daily.json', 'utf8'), 'daily.json');
  const bin = decodeIncidents(readFileSync('public/data/incidents.bin'), 'incidents.bin');
  const join = joinPoints(buildJoinIndex(features), bin.coords, bin.types, INCIDENT_TYPE_COUNT, bin.days, bin.dayCount);
  return assembleIndexInputs(daily, {
    codes,
    incidents: { countsByDay: join.countsByDay!, codes, startDay: bin.startDay, dayCount: bin.dayCount, typeCount: INCIDENT_TYPE_COUNT },
  });
}

describe('computeIndex request', () => {
  it('gives the same result as the engine on the main thread, with the inputs transferred there and back', async () => {
    const c = connect();
    open.push(c);
    const local = computeIndex(parseIndexConfig(configText, 'index-config.json'), lishuiInputs());
    const inputs = lishuiInputs();
    const population = inputs.population;
    const result = await c.client.request('computeIndex', { config: JSON.parse(configText), inputs });
    expect(population.byteLength).toBe(0); // transferred, not copied
    expect(result.index).toEqual(local.index);
    expect(result.level).toEqual(local.level);
    expect(result.risk).toEqual(local.risk);
    expect(result.override).toEqual(local.override);
    expect(result.inputs.population).toEqual(local.inputs.population);
    expect(result.inputs.series?.rainfall).toEqual(local.inputs.series?.rainfall);
    // The object API works on the worker's answer as on a local result.
    const code = local.codes[17]!;
    expect(townshipDay(result, code, '2026-11-24')).toEqual(townshipDay(local, code, '2026-11-24'));
    expect(domainChanges(result, code, '2026-11-24')).toEqual(domainChanges(local, code, '2026-11-24'));
  });

  it('rejects a bad config with a DataError naming the file and the key', async () => {
    const c = connect();
    open.push(c);
    const bad = JSON.parse(configText) as { domains: { geological: { weight: number } } };
    bad.domains.geological.weight = 0.5;
    const error = await c.client.request('computeIndex', { config: bad, file: 'city-config.json', inputs: lishuiInputs() }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkerError);
    expect((error as WorkerError).message).toMatch(/^city-config\.json: "domains\.\*\.weight" must sum to 1; they sum to 1\.3/);
    expect((error as WorkerError).file).toBe('city-config.json');
    expect((error as WorkerError).name).toBe('DataError');
  });

  it('rejects inputs that are not arrays of the right length', async () => {
    const c = connect();
    open.push(c);
    const inputs = lishuiInputs();
    await expect(c.client.request('computeIndex', { config: JSON.parse(configText), inputs: { ...inputs, population: new Float64Array(3) } })).rejects.toThrow(
      /computeIndex: 3 population values for 173 townships/,
    );
    await expect(c.client.request('computeIndex', { config: JSON.parse(configText), inputs: null as unknown as IndexInputs })).rejects.toThrow(/"inputs" must hold/);
  });
});
