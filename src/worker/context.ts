/**
 * What a running request sees besides its payload: its signal, progress reporting, a checkpoint
 * that yields (so a cancel can arrive) and throws once cancelled, the worker's settings and the
 * boundaries of the session.
 */
import type { JoinIndex } from '../core/pip/join-index.ts';
import type { ProgressPhase, TownshipFeature } from './protocol.ts';

export interface WorkerOptions {
  /** Points per chunk of joinPoints / loadAndJoin (default 262144). */
  readonly pointsPerChunk?: number;
  /** Bytes per chunk when decoding and parsing text (default 4 MiB). */
  readonly bytesPerChunk?: number;
  /** Townships per chunk of areaShares (default 4). */
  readonly townshipsPerChunk?: number;
  /** fetch for loadAndJoin (default globalThis.fetch). */
  readonly fetch?: typeof fetch;
}

import type { Boundaries } from '../core/boundaries/boundaries.ts';

/** The boundaries set by the last setBoundaries; a request captures them when it starts. */
export interface CurrentBoundaries {
  readonly index: JoinIndex;
  readonly features: TownshipFeature[] | null;
  readonly codes: string[];
  readonly bbox: [number, number, number, number];
  readonly file: string;
}

/** State that outlives one request. */
export interface Session {
  boundaries: CurrentBoundaries | null;
  /** The boundaries of the last inspected import, kept here until the page takes them in parts. */
  imported: { readonly file: string; readonly boundaries: Boundaries } | null;
}

export interface RequestContext {
  readonly signal: AbortSignal;
  readonly pointsPerChunk: number;
  readonly bytesPerChunk: number;
  readonly townshipsPerChunk: number;
  readonly fetch: typeof fetch | undefined;
  readonly session: Session;
  progress(phase: ProgressPhase, done: number, total: number): void;
  /** Yield to the event loop (so cancel messages are received), then throw if cancelled. */
  checkpoint(): Promise<void>;
}

export class AbortedError extends Error {
  constructor() {
    super('aborted');
    this.name = 'AbortError';
  }
}

export function requireBoundaries(ctx: RequestContext): CurrentBoundaries {
  const current = ctx.session.boundaries;
  if (current === null) throw new Error('no boundaries: send setBoundaries first');
  return current;
}

/**
 * Let queued messages (a cancel) be delivered: setImmediate in Node; a MessageChannel round trip
 * in browsers (setTimeout is clamped to ≥ 4 ms when nested).
 */
export const yieldToEventLoop: () => Promise<void> = (() => {
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
