/** One data worker for the whole app, started on first use (not during the first paint). */
import type { WorkerClient } from '../worker/client.ts';

let client: Promise<WorkerClient> | null = null;

export function dataWorker(): Promise<WorkerClient> {
  client ??= import('../worker/client.ts').then(({ createDataWorker }) => createDataWorker());
  return client;
}
