/**
 * The main-thread side of the worker boundary (see protocol.ts):
 *
 * ```ts
 * const worker = createDataWorker();
 * await worker.request('setBoundaries', { features: boundaries.townships.features, file: 'townships.topo.json' });
 * const controller = new AbortController();
 * const { counts } = await worker.request('loadAndJoin',
 *   { file: 'incidents.bin', url: new URL('data/incidents.bin', document.baseURI).href },
 *   { signal: controller.signal, onProgress: (p) => console.log(p.phase, p.done, p.total) });
 * ```
 *
 * - Every ArrayBuffer in a payload (own or under a typed array) is transferred, not copied: the
 *   caller's arrays are detached (`byteLength === 0`) once `request` returns. Copy first
 *   (`coords.slice()`) to keep them. Result arrays arrive transferred as well.
 * - Cancel: when `signal` aborts, the promise rejects at once with a DOMException named
 *   'AbortError', `{id, cancel: true}` is sent, and the worker stops at its next chunk boundary;
 *   its late answer is dropped. Later requests are unaffected.
 * - A failed request rejects with a {@link WorkerError} whose message names the file and the
 *   problem (`file` holds the file name when there is one).
 */
import {
  isProgressMessage,
  type CancelMessage,
  type FromWorkerMessage,
  type MessagePortLike,
  type Progress,
  type RequestMessage,
  type RequestType,
  type Requests,
  type SerializedError,
} from './protocol.ts';
import { collectTransferables } from './transfer-list.ts';

export interface RequestOptions {
  /** Aborting it rejects the request with an AbortError and cancels the work in the worker. */
  readonly signal?: AbortSignal;
  /** Called for each progress message (one per chunk of long work). */
  readonly onProgress?: (progress: Progress) => void;
}

/** A Worker, a MessagePort, or anything else that speaks the protocol. */
export type WorkerPort = MessagePortLike & { terminate?(): void; close?(): void };

/** A request that failed in the worker. */
export class WorkerError extends Error {
  /** The file the problem is in, when known. */
  readonly file: string | undefined;
  constructor(error: SerializedError) {
    super(error.message);
    this.name = error.name ?? 'Error';
    this.file = error.file;
  }
}

interface Pending {
  resolve(value: unknown): void;
  reject(reason: unknown): void;
  onProgress: ((progress: Progress) => void) | undefined;
  cleanup(): void;
}

export class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  constructor(private readonly port: WorkerPort) {
    port.addEventListener('message', this.onMessage);
    // A Worker fires "error" when its script cannot load: nothing will ever answer.
    (port as unknown as { addEventListener(type: string, listener: (event: Event) => void): void }).addEventListener('error', this.onError);
    port.start?.();
  }

  /** Requests sent and not yet answered. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Send a request; resolves with its result, rejects with a WorkerError or an AbortError. */
  request<K extends RequestType>(type: K, payload: Requests[K]['req'], options: RequestOptions = {}): Promise<Requests[K]['res']> {
    const { signal, onProgress } = options;
    if (this.closed) return Promise.reject(new Error(`${type}: the worker has been terminated`));
    if (signal?.aborted) return Promise.reject(abortError(type));
    const id = this.nextId++;
    return new Promise<Requests[K]['res']>((resolve, reject) => {
      const onAbort = (): void => {
        const entry = this.pending.get(id);
        if (entry === undefined) return;
        this.pending.delete(id);
        entry.cleanup();
        const cancel: CancelMessage = { id, cancel: true };
        try {
          this.port.postMessage(cancel, []);
        } catch {
          // the port is gone: nothing left to cancel
        }
        reject(abortError(type));
      };
      const entry: Pending = {
        resolve: resolve as (value: unknown) => void,
        reject,
        onProgress,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      };
      this.pending.set(id, entry);
      signal?.addEventListener('abort', onAbort, { once: true });
      const message = { id, type, payload } as RequestMessage<K>;
      try {
        this.port.postMessage(message, collectTransferables(payload));
      } catch (err) {
        this.pending.delete(id);
        entry.cleanup();
        reject(err);
      }
    });
  }

  /** Reject everything pending and stop the worker (or close the port). */
  terminate(): void {
    if (this.closed) return;
    this.closed = true;
    this.failAll(new Error('the worker has been terminated'));
    if (typeof this.port.terminate === 'function') this.port.terminate();
    else this.port.close?.();
  }

  private readonly onMessage = (event: MessageEvent): void => {
    const message = event.data as FromWorkerMessage | null;
    if (typeof message !== 'object' || message === null) return;
    const entry = this.pending.get(message.id);
    if (entry === undefined) return; // cancelled or unknown: drop
    if (isProgressMessage(message)) {
      if (entry.onProgress !== undefined) {
        try {
          entry.onProgress(message.progress);
        } catch (err) {
          queueMicrotask(() => {
            throw err;
          });
        }
      }
      return;
    }
    this.pending.delete(message.id);
    entry.cleanup();
    if (message.ok) entry.resolve(message.result);
    else if (message.error.name === 'AbortError') entry.reject(new DOMException(message.error.message, 'AbortError'));
    else entry.reject(new WorkerError(message.error));
  };

  private readonly onError = (event: Event): void => {
    const detail = (event as ErrorEvent).message;
    this.failAll(new Error(`the data worker failed${typeof detail === 'string' && detail !== '' ? `: ${detail}` : ' to start'}`));
  };

  private failAll(error: Error): void {
    const entries = [...this.pending.values()];
    this.pending.clear();
    for (const entry of entries) {
      entry.cleanup();
      entry.reject(error);
    }
  }
}

function abortError(type: string): DOMException {
  return new DOMException(`${type} aborted`, 'AbortError');
}

/** Start the data worker (a module worker Vite bundles) and wrap it. */
export function createDataWorker(): WorkerClient {
  const worker = new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module', name: 'data' });
  return new WorkerClient(worker);
}
