import { readFileSync } from 'node:fs';
import { parseBoundaries } from '../../src/core/boundaries/boundaries.ts';
import { INCIDENT_TYPE_COUNT } from '../../src/core/incidents/incident-types.ts';
import { createRandom } from '../../src/core/random.ts';
import { handleMessages, type HandlerOptions } from '../../src/worker/handler.ts';
import { WorkerClient } from '../../src/worker/client.ts';
import type { FromWorkerMessage, ToWorkerMessage, TownshipFeature } from '../../src/worker/protocol.ts';

export interface Connection {
  readonly client: WorkerClient;
  /** Every message the worker side sent, in order (a second listener on the client's port). */
  readonly seen: FromWorkerMessage[];
  /** Every message the worker side received, in order. */
  readonly received: ToWorkerMessage[];
  close(): void;
}

/** The handler on one port of a MessageChannel, a WorkerClient on the other. */
export function connect(options: HandlerOptions = {}): Connection {
  const channel = new MessageChannel();
  const handler = handleMessages(channel.port1, options);
  const seen: FromWorkerMessage[] = [];
  const received: ToWorkerMessage[] = [];
  channel.port2.addEventListener('message', (event) => seen.push(event.data as FromWorkerMessage));
  channel.port1.addEventListener('message', (event) => received.push(event.data as ToWorkerMessage));
  const client = new WorkerClient(channel.port2);
  return {
    client,
    seen,
    received,
    close() {
      handler.dispose();
      channel.port1.close();
      channel.port2.close();
    },
  };
}

let lishui: TownshipFeature[] | null = null;

/** The committed Lishui townships (173), decoded as the app does. */
export function lishuiTownships(): TownshipFeature[] {
  lishui ??= parseBoundaries(readFileSync('public/data/townships.topo.json', 'utf8'), 'townships.topo.json').townships.features;
  return structuredClone(lishui);
}

/** Seeded uniform points over Lishui's extent (plus a margin, so some fall outside). */
export function seededPoints(n: number, seed: number): { coords: Float64Array; types: Uint8Array; days: Uint16Array } {
  const random = createRandom(seed);
  const coords = new Float64Array(2 * n);
  const types = new Uint8Array(n);
  const days = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    coords[2 * i] = 118.6 + random() * 2;
    coords[2 * i + 1] = 27.3 + random() * 1.8;
    types[i] = Math.floor(random() * 7);
    days[i] = Math.floor(random() * 10);
  }
  return { coords, types, days };
}

export interface GeneratedPoints {
  readonly count: number;
  readonly coords: Float64Array;
  readonly types: Uint8Array;
  readonly days?: Uint16Array;
}

/**
 * Seeded uniform random points in `bbox` ([minLon, minLat, maxLon, maxLat]): types uniform over
 * INCIDENT_TYPES, days uniform over 0 … dayCount − 1 when `dayCount` is given. The same seed gives
 * the same points. (Once a worker request; only tests ever used it.)
 */
export function generatePoints(count: number, seed: number | string, bbox: readonly [number, number, number, number], dayCount?: number): GeneratedPoints {
  const [minX, minY, maxX, maxY] = bbox;
  const random = createRandom(seed);
  const coords = new Float64Array(2 * count);
  const types = new Uint8Array(count);
  const days = dayCount === undefined ? undefined : new Uint16Array(count);
  const w = maxX - minX;
  const h = maxY - minY;
  for (let i = 0; i < count; i++) {
    coords[2 * i] = minX + random() * w;
    coords[2 * i + 1] = minY + random() * h;
    types[i] = Math.floor(random() * INCIDENT_TYPE_COUNT);
    if (days !== undefined) days[i] = Math.floor(random() * dayCount!);
  }
  return { count, coords, types, ...(days !== undefined ? { days } : {}) };
}

/** A fresh ArrayBuffer holding a file (transferable, not a pooled Node Buffer). */
export function fileBytes(path: string): ArrayBuffer {
  const b = readFileSync(path);
  const out = new Uint8Array(b.byteLength);
  out.set(b);
  return out.buffer;
}

export function textBytes(text: string): ArrayBuffer {
  return new TextEncoder().encode(text).buffer as ArrayBuffer;
}

/** Let the event loop turn (messages get delivered) until `condition` holds; no wall clock. */
export async function until(condition: () => boolean, turns = 10_000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (condition()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error(`condition not met after ${turns} event-loop turns`);
}
