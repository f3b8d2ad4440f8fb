/**
 * The data worker's actor, written against a minimal port ({@link MessagePortLike}) so it runs the
 * same in a Web Worker (data.worker.ts passes `self`) and in Node tests over a `MessageChannel`
 * port. It only dispatches, cancels and reports progress; each request is a file in requests/.
 *
 * - Requests run concurrently; each captures the boundaries current when it starts.
 * - Long work is chunked (points, bytes, townships); after each chunk it posts a `progress`
 *   message and yields to the event loop, so a `{id, cancel: true}` message can arrive; a
 *   cancelled request answers `{ok: false, error: {name: 'AbortError', message: 'aborted'}}`.
 * - Every failure is caught and answered as `{ok: false, error}`, with `file` set when the error is
 *   a DataError: nothing escapes as an uncaught exception.
 */
import { AbortedError, yieldToEventLoop, type RequestContext, type Session, type WorkerOptions } from './context.ts';
import { errorMessage, serializeError } from './errors.ts';
import {
  isCancelMessage,
  type FromWorkerMessage,
  type MessagePortLike,
  type RequestMessage,
  type Requests,
  type ToWorkerMessage,
} from './protocol.ts';
import { collectTransferables } from './transfer-list.ts';
import { areaShares } from './requests/area-shares.ts';
import { computeIndex } from './requests/compute-index.ts';
import { densityImage } from './requests/density-image.ts';
import { difference } from './requests/difference.ts';
import { importedBoundaries, inspectImport } from './requests/inspect-import.ts';
import { joinPoints } from './requests/join-points.ts';
import { loadAndJoin } from './requests/load-and-join.ts';
import { parseIncidents } from './requests/parse-incidents.ts';
import { setBoundaries } from './requests/set-boundaries.ts';

export type HandlerOptions = WorkerOptions;

export interface MessageHandler {
  /** Stop listening and abort the running requests. */
  dispose(): void;
}

type RequestHandlers = { [K in keyof Requests]: (payload: Requests[K]['req'], ctx: RequestContext) => Promise<Requests[K]['res']> | Requests[K]['res'] };

const HANDLERS: RequestHandlers = { setBoundaries, parseIncidents, joinPoints, loadAndJoin, areaShares, difference, computeIndex, inspectImport, importedBoundaries, densityImage };

/** Answer requests arriving on `port` until disposed. */
export function handleMessages(port: MessagePortLike, options: HandlerOptions = {}): MessageHandler {
  const pointsPerChunk = Math.max(1, Math.floor(options.pointsPerChunk ?? 262_144));
  const bytesPerChunk = Math.max(16, Math.floor(options.bytesPerChunk ?? 4 << 20));
  const townshipsPerChunk = Math.max(1, Math.floor(options.townshipsPerChunk ?? 4));
  const session: Session = { boundaries: null, imported: null };
  const running = new Map<number, AbortController>();

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

  const run = async (message: RequestMessage, signal: AbortSignal): Promise<unknown> => {
    const ctx: RequestContext = {
      signal,
      pointsPerChunk,
      bytesPerChunk,
      townshipsPerChunk,
      fetch: options.fetch ?? globalThis.fetch,
      session,
      progress: (phase, done, total) => post({ id: message.id, progress: { phase, done, total } }),
      checkpoint: async () => {
        await yieldToEventLoop();
        if (signal.aborted) throw new AbortedError();
      },
    };
    const handler = (HANDLERS as Record<string, ((payload: unknown, ctx: RequestContext) => unknown) | undefined>)[message.type];
    if (typeof handler !== 'function' || !Object.hasOwn(HANDLERS, message.type)) throw new Error(`unknown request type ${JSON.stringify(message.type)}`);
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
    run(message, controller.signal).then(
      (result) => {
        running.delete(id);
        post({ id, ok: true, result } as FromWorkerMessage);
      },
      (err: unknown) => {
        running.delete(id);
        post({ id, ok: false, error: controller.signal.aborted ? { message: 'aborted', name: 'AbortError' } : serializeError(err) });
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
